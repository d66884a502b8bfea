using Platform.Api.Demo;

namespace Platform.Tests.NetworkReports;

/// <summary>The demo's practices, adoption and past-year records pass the real rules, and the report of that year shows them.</summary>
[Collection(IntegrationCollection.Name)]
public class DemoKnowledgeTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_fills_the_network_report_of_the_last_full_year()
    {
        // Seeded as if today were early 2004: its "last full year" is 2003, a year no other test writes.
        await DemoKnowledge.SeedAsync(app.Store, new DateTimeOffset(2004, 3, 1, 9, 0, 0, TimeSpan.Zero), CancellationToken.None);

        var report = await app.GetJsonAsync("/api/network/reports/2003");
        var cities = report.GetProperty("cities").EnumerateArray().Select(c => c.GetProperty("city").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "york", "utrecht", "lviv" }, cities.ToHashSet());
        var warmRooms = report.GetProperty("practices").EnumerateArray().Last(p => p.GetProperty("title").GetString() == "Winter warm rooms in every library");
        Assert.Equal("york", warmRooms.GetProperty("city").GetString());
        Assert.Equal(2, warmRooms.GetProperty("version").GetInt32());
        Assert.Contains("lviv", warmRooms.GetProperty("adoptions").EnumerateArray().Select(a => a.GetProperty("city").GetString()));
        Assert.Contains(report.GetProperty("practices").EnumerateArray(), p => p.GetProperty("city").GetString() == "utrecht");

        var challenges = report.GetProperty("challenges");
        var water = challenges.GetProperty("mostRaisedRights").EnumerateArray().Single(r => r.GetProperty("right").GetString() == "food-water").GetProperty("byCity");
        Assert.True(water.TryGetProperty("york", out _) && water.TryGetProperty("utrecht", out _), water.ToString());
        var housing = challenges.GetProperty("rightsWithBrokenCommitments").EnumerateArray().Single(r => r.GetProperty("right").GetString() == "housing");
        Assert.True(housing.GetProperty("byCity").TryGetProperty("york", out _));

        Assert.Contains("Winter warm rooms in every library", await app.GetTextAsync("/network/reports/2003"));
    }
}
