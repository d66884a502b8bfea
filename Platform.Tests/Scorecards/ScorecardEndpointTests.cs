using Platform.Domain.Concerns;
using Platform.Projections.Scorecards;

namespace Platform.Tests.Scorecards;

/// <summary>The public GETs of the accountability views, on a city of the test's own fed with events.</summary>
[Collection(IntegrationCollection.Name)]
public class ScorecardEndpointTests(AppFixture app)
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<(string City, long Version, long BoardVersion, Guid Top)> CityWithTwoConcernsAsync()
    {
        var city = await app.NewCityAsync(concernResponseDays: 10);
        Guid a = Guid.CreateVersion7(), b = Guid.CreateVersion7(), resident = Guid.CreateVersion7(), official = Guid.CreateVersion7();
        var version = await app.AppendAsync(city,
            (a, [new ConcernRaised(a, "Unlit park", "", ["safety"], [], "West", Guid.CreateVersion7(), false, Jan1),
                 new ConcernAnswered(a, official, "Lights ordered", Jan1.AddDays(3))]),
            (b, [new ConcernRaised(b, "No ramp", "", ["disability-inclusion"], [], null, Guid.CreateVersion7(), false, Jan1)]));
        // Supports change the board only, so the board's version is higher than the scorecard's.
        var boardVersion = await app.AppendAsync(city, (PersonalStream.Id(b, resident), [new ConcernSupported(b, resident, Jan1.AddDays(1))]));
        await app.WaitForAsync<CityScorecard>(city, version, s => s.Version);
        await app.WaitForAsync<ConcernBoard>(city, boardVersion, s => s.Version);
        await app.WaitForAsync<NetworkOverview>(NetworkOverview.DocumentId, version, s => s.Version);
        return (city, version, boardVersion, b);
    }

    private async Task<JsonElement> GetAsync(string url, int status = 200)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(status);
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task The_scorecard_is_public_and_carries_its_version_and_figures()
    {
        var (city, _, _, _) = await CityWithTwoConcernsAsync();

        var body = await GetAsync($"/api/cities/{city}/scorecard");

        Assert.Equal(city, body.GetProperty("city").GetString());
        Assert.True(body.GetProperty("version").GetInt64() > 0);
        Assert.Equal(10, body.GetProperty("concernResponseDays").GetInt32());
        var concerns = body.GetProperty("concerns");
        Assert.Equal(2, concerns.GetProperty("raised").GetInt32());
        Assert.Equal(1, concerns.GetProperty("answered").GetInt32());
        Assert.Equal(1, concerns.GetProperty("openPastDeadline").GetInt32());
        Assert.Equal(50.0, concerns.GetProperty("answeredWithinDeadlinePercent").GetDouble());
        Assert.Equal(3.0, concerns.GetProperty("medianDaysToFirstAnswer").GetDouble());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("commitments").GetProperty("onTimeFulfilmentPercent").ValueKind);
    }

    [Fact]
    public async Task The_concern_board_ranks_by_support_and_checks_its_size()
    {
        var (city, _, boardVersion, top) = await CityWithTwoConcernsAsync();

        var body = await GetAsync($"/api/cities/{city}/concern-board?top=1");

        Assert.Equal(boardVersion, body.GetProperty("version").GetInt64());
        Assert.Equal(2, body.GetProperty("openConcerns").GetInt32());
        var first = Assert.Single(body.GetProperty("top").EnumerateArray());
        Assert.Equal(top, first.GetProperty("id").GetGuid());
        Assert.Equal(1, first.GetProperty("supports").GetInt64());
        Assert.Equal(1, body.GetProperty("byRight").GetProperty("safety").GetInt32());
        Assert.Equal(1, body.GetProperty("byDistrict").GetProperty("West").GetInt32());
        Assert.Equal(1, body.GetProperty("withoutDistrict").GetInt32());

        var problem = await GetAsync($"/api/cities/{city}/concern-board?top=0", 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("top", out _));
        await GetAsync("/api/cities/atlantis/concern-board", 404);
        await GetAsync("/api/cities/atlantis/scorecard", 404);
    }

    [Fact]
    public async Task A_city_in_the_query_string_changes_neither_the_board_nor_the_city_screen()
    {
        var (city, _, _, top) = await CityWithTwoConcernsAsync();
        var other = await app.NewCityAsync();
        var flooded = Guid.CreateVersion7();
        var version = await app.AppendAsync(other, (flooded, [new ConcernRaised(flooded, "Flooded tunnel", "", ["housing"], [], null, Guid.CreateVersion7(), false, Jan1)]));
        await app.WaitForAsync<ConcernBoard>(other, version, s => s.Version);

        // The route names the city; a city in the query string is not read, for the API and the city screen alike.
        var board = await GetAsync($"/api/cities/{city}/concern-board?city={other}");
        Assert.Equal((city, 2), (board.GetProperty("city").GetString(), board.GetProperty("openConcerns").GetInt32()));
        Assert.Equal(top, board.GetProperty("top")[0].GetProperty("id").GetGuid());
        var screen = await app.GetTextAsync($"/cities/{city}/screen?city={other}");
        Assert.Contains("No ramp", screen);
        Assert.DoesNotContain("Flooded tunnel", screen);
        Assert.Contains("Flooded tunnel", await app.GetTextAsync($"/cities/{other}/screen")); // which the other city's screen shows
    }

    [Fact]
    public async Task The_network_overview_lists_every_city_with_its_scorecard()
    {
        var (city, version, _, _) = await CityWithTwoConcernsAsync();

        var body = await GetAsync("/api/network/overview");

        Assert.True(body.GetProperty("version").GetInt64() >= version);
        var cities = body.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("city").GetString()!);
        Assert.Contains("york", cities.Keys);
        Assert.Contains("lviv", cities.Keys);
        var ours = cities[city].GetProperty("scorecard");
        Assert.Equal(version, ours.GetProperty("version").GetInt64());
        Assert.Equal(2, ours.GetProperty("concerns").GetProperty("raised").GetInt32());
        Assert.Equal(3.0, ours.GetProperty("concerns").GetProperty("medianDaysToFirstAnswer").GetDouble());
    }
}
