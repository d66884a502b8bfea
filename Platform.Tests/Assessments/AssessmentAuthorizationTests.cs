
namespace Platform.Tests.Assessments;

/// <summary>
/// Who may write what: the city's officials run their own cycle and answer recommendations; only officials of
/// the assigned reviewing city review; only network administrators assign reviewers and award recognition.
/// Every refusal stores nothing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class AssessmentAuthorizationTests(AppFixture app)
{
    /// <summary>
    /// (endpoint, caller, status). Callers: anonymous, resident (of the city), official (of the city), reviewer (official of the
    /// assigned reviewing city), outsider (official of a third city), administrator, both (official of the city and of the reviewing city).
    /// </summary>
    public static TheoryData<string, string, int> Cases => new()
    {
        { "start", "anonymous", 401 },
        { "start", "resident", 403 },
        { "start", "outsider", 403 },
        { "start", "administrator", 403 },
        { "items", "anonymous", 401 },
        { "items", "resident", 403 },
        { "items", "outsider", 403 },
        { "submit", "resident", 403 },
        { "submit", "outsider", 403 },
        { "reviewer", "anonymous", 401 },
        { "reviewer", "official", 403 },
        { "reviewer", "reviewer", 403 },
        { "findings", "anonymous", 401 },
        { "findings", "official", 403 },
        { "findings", "resident", 403 },
        { "findings", "outsider", 403 },
        { "findings", "administrator", 403 },
        { "findings", "both", 403 },
        { "recommend", "official", 403 },
        { "recommend", "outsider", 403 },
        { "recommend", "both", 403 },
        { "review-submit", "official", 403 },
        { "review-submit", "outsider", 403 },
        { "response", "anonymous", 401 },
        { "response", "reviewer", 403 },
        { "response", "resident", 403 },
        { "follow-up", "reviewer", 403 },
        { "follow-up", "outsider", 403 },
        { "commitment", "reviewer", 403 },
        { "recognition", "official", 403 },
        { "recognition", "reviewer", 403 },
        { "recognition", "anonymous", 401 },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task A_write_by_someone_without_the_role_is_refused_and_stores_nothing(string endpoint, string caller, int status)
    {
        var stage = endpoint switch
        {
            "start" => "none",
            "items" or "submit" => "draft",
            "reviewer" => "submitted",
            "findings" or "recommend" or "review-submit" => "reviewing",
            _ => "reviewed",
        };
        var scene = await AssessmentScene.ArrangeAsync(app, stage);
        if (endpoint == "review-submit")
            await app.PostAsync($"{scene.Url}/review/findings", new { item = "B1", finding = "Fine." }, scene.Reviewer, 200);
        Actor? actor = caller switch
        {
            "resident" => scene.Resident,
            "official" => scene.Official,
            "reviewer" => scene.Reviewer,
            "outsider" => await app.AccountAsync(await app.NewCityAsync(), CityRole.Official),
            "administrator" => scene.Administrator,
            "both" => await BothAsync(scene),
            _ => null,
        };
        var (url, body) = endpoint switch
        {
            "start" => ($"/api/cities/{scene.City}/assessments", (object?)new { cycle = "2026" }),
            "items" => ($"{scene.Url}/items", new { item = "A1", level = "inPlace" }),
            "submit" => ($"{scene.Url}/submit", null),
            "reviewer" => ($"{scene.Url}/reviewer", new { reviewerCity = "york" }),
            "findings" => ($"{scene.Url}/review/findings", new { item = "B1", finding = "Fine." }),
            "recommend" => ($"{scene.Url}/review/recommendations", new { text = "Do more.", item = "B1" }),
            "review-submit" => ($"{scene.Url}/review/submit", null),
            "response" => ($"{scene.Url}/recommendations/{scene.Unanswered}/response", new { response = "supported" }),
            "follow-up" => ($"{scene.Url}/recommendations/{scene.Supported}/follow-ups",
                new { text = "Done.", date = "2026-01-10", status = "implemented" }),
            "commitment" => ($"{scene.Url}/recommendations/{scene.Supported}/commitment", new { commitmentId = Guid.CreateVersion7() }),
            "recognition" => ($"{scene.Url}/recognition", new { level = "recognised" }),
            _ => throw new ArgumentException(endpoint),
        };
        var before = await app.EventCountAsync();

        await app.PostAsync(url, body, actor, status);

        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task The_reviewed_citys_official_gets_a_problem_saying_only_the_reviewing_city_reviews()
    {
        var scene = await AssessmentScene.ArrangeAsync(app, "reviewing");
        var problem = await app.PostAsync($"{scene.Url}/review/findings", new { item = "B1", finding = "All good here." }, scene.Official, 403);
        Assert.Equal("not-the-reviewer", problem.GetProperty("code").GetString());
        Assert.Contains(scene.ReviewerCity, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Writes_to_an_unknown_city_are_404()
    {
        var official = await app.AccountAsync("york", CityRole.Official);
        var problem = await app.PostAsync("/api/cities/atlantis/assessments", new { cycle = "2026" }, official, 404);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    /// <summary>An official of the reviewed city who is also an official of the reviewing city: a conflict of interest, refused.</summary>
    private async Task<Actor> BothAsync(AssessmentScene scene)
    {
        var actor = await app.AccountAsync(scene.City, CityRole.Official);
        var admin = scene.Administrator;
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { accountId = actor.Id, role = "official" }).ToUrl($"/api/cities/{scene.ReviewerCity}/roles");
            x.As(admin);
            x.StatusCodeShouldBeSuccess();
        });
        return actor;
    }
}
