using Platform.Domain.Reference;

namespace Platform.Tests.Support;

/// <summary>Short ways to run assessment cycles and peer reviews from tests.</summary>
public static class AssessmentApi
{
    public static readonly string[] AllItems = FrameworkCatalogue.Default.Items.Select(i => i.Code).ToArray();

    /// <summary>Levels that meet every recognition rule: everything in place, foundations evaluated.</summary>
    public static string AdvancedLevel(string item) => item.StartsWith('A') ? "inPlaceAndEvaluated" : "inPlace";

    /// <summary>Levels that meet no rule: foundations only planned, structures and tools not started.</summary>
    public static string WeakLevel(string item) => item.StartsWith('A') ? "planned" : "notStarted";

    public static async Task<JsonElement> PostAsync(this AppFixture app, string url, object? body, Actor? actor, int status)
    {
        var result = await app.Host.Scenario(x =>
        {
            if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            if (actor is not null) x.As(actor);
            x.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : Json.Parse(text);
    }

    public static async Task<(int Status, JsonElement Body)> GetAsync(this AppFixture app, string url, Actor? actor = null)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url(url);
            if (actor is not null) x.As(actor);
            x.IgnoreStatusCode();
        });
        var text = await result.ReadAsTextAsync();
        return (result.Context.Response.StatusCode, text.Length == 0 ? default : Json.Parse(text));
    }

    public static string AssessmentUrl(string city, string cycle) => $"/api/cities/{city}/assessments/{cycle}";

    public static Task<JsonElement> StartAssessmentAsync(this AppFixture app, string city, Actor official, string cycle = "2026") =>
        app.PostAsync($"/api/cities/{city}/assessments", new { cycle }, official, 201);

    public static Task<JsonElement> AssessAsync(this AppFixture app, string city, Actor official, string item, string level, string cycle = "2026",
        string[]? evidence = null) =>
        app.PostAsync($"{AssessmentUrl(city, cycle)}/items", new { item, level, evidence = evidence ?? [$"https://{city}.example.org/evidence/{item}"] },
            official, 200);

    /// <summary>Starts a cycle, assesses every item with <paramref name="level"/> and submits it.</summary>
    public static async Task<JsonElement> SubmittedAssessmentAsync(this AppFixture app, string city, Actor official, Func<string, string> level,
        string cycle = "2026")
    {
        await app.StartAssessmentAsync(city, official, cycle);
        foreach (var item in AllItems) await app.AssessAsync(city, official, item, level(item), cycle);
        return await app.PostAsync($"{AssessmentUrl(city, cycle)}/submit", null, official, 200);
    }

    public static Task<JsonElement> AssignReviewerAsync(this AppFixture app, string city, Actor administrator, string reviewerCity, string cycle = "2026") =>
        app.PostAsync($"{AssessmentUrl(city, cycle)}/reviewer", new { reviewerCity }, administrator, 200);

    /// <summary>A reviewer's recommendation on <paramref name="item"/>; returns its id.</summary>
    public static async Task<Guid> RecommendAsync(this AppFixture app, string city, Actor reviewer, string item, string cycle = "2026",
        string[]? rights = null)
    {
        var created = await app.PostAsync($"{AssessmentUrl(city, cycle)}/review/recommendations",
            new { text = $"Strengthen {item}.", item, rights = rights ?? ["participation"] }, reviewer, 201);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Runs a full cycle up to a submitted review by <paramref name="reviewerCity"/> with one finding and
    /// two recommendations; returns the recommendation ids.
    /// </summary>
    public static async Task<Guid[]> ReviewedAssessmentAsync(this AppFixture app, string city, Actor official, string reviewerCity, Actor reviewer,
        Func<string, string> level, string cycle = "2026")
    {
        var admin = await app.NetworkAdministratorAsync();
        await app.SubmittedAssessmentAsync(city, official, level, cycle);
        await app.AssignReviewerAsync(city, admin, reviewerCity, cycle);
        await app.PostAsync($"{AssessmentUrl(city, cycle)}/review/findings", new { item = "B4", finding = "The council meets twice a year." }, reviewer, 200);
        var first = await app.RecommendAsync(city, reviewer, "B4", cycle);
        var second = await app.RecommendAsync(city, reviewer, "C6", cycle);
        await app.PostAsync($"{AssessmentUrl(city, cycle)}/review/submit", null, reviewer, 200);
        return [first, second];
    }
}
