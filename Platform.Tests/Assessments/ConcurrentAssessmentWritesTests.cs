
namespace Platform.Tests.Assessments;

/// <summary>Races and retries on an assessment: one cycle per name, one reviewer, retried writes stored once.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcurrentAssessmentWritesTests(AppFixture app)
{
    [Fact]
    public async Task Two_officials_starting_the_same_cycle_at_once_start_it_once()
    {
        var city = await app.NewCityAsync();
        var officials = await app.AccountsAsync(8, city, CityRole.Official);
        var before = await app.EventCountAsync();

        var statuses = await Task.WhenAll(officials.Select(async official =>
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(new { cycle = "2026" }).ToUrl($"/api/cities/{city}/assessments");
                x.As(official);
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == 201));
        Assert.All(statuses.Where(s => s != 201), s => Assert.Equal(409, s));
        Assert.Equal(before + 1, await app.EventCountAsync());
    }

    [Fact]
    public async Task Two_administrators_assigning_reviewers_at_once_assign_one()
    {
        var scene = await AssessmentScene.ArrangeAsync(app, "submitted");
        var administrators = new[] { scene.Administrator, await app.NetworkAdministratorAsync(), await app.NetworkAdministratorAsync() };
        var reviewers = new[] { "york", "utrecht", "lviv" };
        var before = await app.EventCountAsync();

        var statuses = await Task.WhenAll(administrators.Select(async (admin, i) =>
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(new { reviewerCity = reviewers[i] }).ToUrl($"{scene.Url}/reviewer");
                x.As(admin);
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        Assert.Equal(1, statuses.Count(s => s == 200));
        Assert.All(statuses.Where(s => s != 200), s => Assert.Equal(409, s));
        Assert.Equal(before + 1, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_retried_recommendation_with_the_same_idempotency_key_is_stored_once()
    {
        var scene = await AssessmentScene.ArrangeAsync(app, "reviewing");
        var url = $"{scene.Url}/review/recommendations";
        var before = await app.EventCountAsync();

        async Task<IScenarioResult> Send() => await app.Host.Scenario(x =>
        {
            x.Post.Json(new { text = "Publish the council's advice.", item = "B4" }).ToUrl(url);
            x.As(scene.Reviewer);
            x.WithRequestHeader("Idempotency-Key", "recommend-b4");
            x.StatusCodeShouldBe(201);
        });
        var first = await Send();
        var retry = await Send();

        Assert.Equal(await first.ReadAsTextAsync(), await retry.ReadAsTextAsync());
        Assert.Equal("true", retry.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(before + 1, await app.EventCountAsync());
    }
}
