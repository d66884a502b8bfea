namespace Platform.Tests.IndicatorProposals;

/// <summary>An official's adoption or decline of a proposed indicator, sent twice at once: decided once.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcurrentProposalDecisionsTests(AppFixture app)
{
    [Fact]
    public async Task Adopting_a_proposal_twice_at_once_adopts_it_once()
    {
        var city = await app.NewCityAsync();
        var id = await app.ProposeAsync(city, await app.ResidentAsync(city));
        var official = await app.AccountAsync(city, CityRole.Official);

        // One adoption: the series adopted and the proposal decided, two events.
        await app.TwiceAtOnceAsync(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/adoption", IndicatorProposalApi.Adoption("T-RACE-1"), official, effects: 2);

        Assert.Equal("adopted", (await app.ProposalAsync(city, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Declining_a_proposal_twice_at_once_declines_it_once()
    {
        var city = await app.NewCityAsync();
        var id = await app.ProposeAsync(city, await app.ResidentAsync(city));
        var official = await app.AccountAsync(city, CityRole.Official);

        await app.TwiceAtOnceAsync(HttpMethod.Post, $"{IndicatorProposalApi.Url(city)}/{id}/decline", new { reason = "The register does not record it." }, official);

        Assert.Equal("declined", (await app.ProposalAsync(city, id)).GetProperty("status").GetString());
    }
}
