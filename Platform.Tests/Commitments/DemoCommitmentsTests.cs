using Platform.Api.Cities;
using Platform.Api.Demo;

namespace Platform.Tests.Commitments;

/// <summary>The demo commitments pass the real rules and show every status.</summary>
[Collection(IntegrationCollection.Name)]
public class DemoCommitmentsTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_has_commitments_in_every_status_and_a_rolled_up_parent()
    {
        // A city of its own, so the statuses counted are the demo's only.
        var city = new City { Id = $"demo{Guid.NewGuid():N}"[..20], TimeZone = "Europe/Kyiv", Names = new() { ["en"] = "Demo" } };
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(city);
            await session.SaveChangesAsync();
        }
        Assert.Equal(8, await DemoCommitments.SeedAsync(app.Store, city, DateTimeOffset.UtcNow, CancellationToken.None));

        var list = await app.ListCommitmentsAsync("pageSize=100", city.Id);
        var statuses = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("status").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "onTrack", "atRisk", "overdue", "fulfilled", "abandoned" }, statuses);
        var parent = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("subCommitments").GetArrayLength() == 2);
        Assert.Equal(60, parent.GetProperty("progress").GetInt32());
    }
}
