
namespace Platform.Tests.Infrastructure;

/// <summary>
/// Ready means writes, views and live pushes work: PostgreSQL answers, and every view's shard and the live-view
/// subscription run on a node with a recent heartbeat. The answer names each check and why.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ReadinessTests(AppFixture app)
{
    [Fact]
    public async Task A_running_node_is_ready_once_its_views_and_live_pushes_run_and_says_so_per_check()
    {
        // A node that just started (or whose daemon is catching up on other tests' events) answers Degraded (200) or
        // Unhealthy (503) until every view runs and is caught up: wait for Healthy, up to a minute.
        JsonElement report = default;
        for (var i = 0; i < 300; i++)
        {
            var result = await app.Host.Scenario(x => { x.Get.Url("/health/ready"); x.IgnoreStatusCode(); });
            report = Json.Parse(await result.ReadAsTextAsync());
            if (result.Context.Response.StatusCode == 200 && report.GetProperty("status").GetString() == "Healthy") break;
            await Task.Delay(200);
        }
        Assert.True(report.GetProperty("status").GetString() == "Healthy", report.GetRawText());
        var checks = report.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["postgres"]);
        Assert.Equal("Healthy", checks["views"]);
    }
}
