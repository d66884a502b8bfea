using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Demo;

namespace Platform.Tests.IndicatorProposals;

/// <summary>The demo's co-created indicators pass the real rules: one adopted after its consultation, naming both as its origin; one open with supports.</summary>
[Collection(IntegrationCollection.Name)]
public class DemoIndicatorProposalsTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_has_an_adopted_proposal_with_its_consultation_and_an_open_one_with_supports()
    {
        // A city of its own with an official named as the demo's, so the proposals listed are the demo's only.
        var city = new City { Id = $"demo{Guid.NewGuid():N}"[..20], TimeZone = "Europe/London", Names = new() { ["en"] = "Demo" } };
        var official = new Account { Id = Guid.CreateVersion7(), Email = $"official@{city.Id}.demo", DisplayName = "Demo official", CreatedAt = DateTimeOffset.UtcNow };
        official.Grant(city.Id, CityRole.Official);
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(city);
            session.Store(official);
            await session.SaveChangesAsync();
        }
        var residents = Enumerable.Range(0, 30).Select(_ => Guid.CreateVersion7()).ToList();
        await DemoIndicatorProposals.SeedAsync(app.Store, app.Host.Services.GetRequiredService<Pseudonyms>(), residents, city.Id, DateTimeOffset.UtcNow, CancellationToken.None);

        var items = Json.Parse(await app.GetTextAsync($"/api/cities/{city.Id}/indicator-proposals")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["adopted", "open"], items.Select(i => i.GetProperty("status").GetString()).Order());
        var adopted = items.Single(i => i.GetProperty("status").GetString() == "adopted");
        Assert.Equal(DemoIndicatorProposals.AdoptedCode, adopted.GetProperty("code").GetString());
        var consultation = adopted.GetProperty("consultationId").GetGuid();
        Assert.Equal("outcomePublished", Json.Parse(await app.GetTextAsync($"/api/cities/{city.Id}/consultations/{consultation}")).GetProperty("status").GetString());
        var open = items.Single(i => i.GetProperty("status").GetString() == "open");
        Assert.Equal(9, open.GetProperty("supports").GetInt64());
        Assert.Equal("IND-068", open.GetProperty("variantOf").GetString());

        var series = Json.Parse(await app.GetTextAsync($"/api/cities/{city.Id}/indicators/{DemoIndicatorProposals.AdoptedCode}")).GetProperty("series");
        Assert.Equal(consultation, series.GetProperty("consultationId").GetGuid());
        Assert.Equal(adopted.GetProperty("id").GetGuid(), series.GetProperty("origin").GetProperty("proposalId").GetGuid());
    }
}
