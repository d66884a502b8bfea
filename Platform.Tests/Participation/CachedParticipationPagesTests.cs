using System.Net;

namespace Platform.Tests.Participation;

/// <summary>
/// A participation profile is a network-wide document: saving or withdrawing one drops the cached pages of the cities the
/// person takes part in (docs/page-cache.md), so the participation figures of their annual report change on the very next
/// anonymous request, while the other cities' pages stay cached.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class CachedParticipationPagesTests(AppFixture app)
{
    /// <summary>The report page's "who took part" section, and whether it came from the page cache (an Age header).</summary>
    private async Task<(string Section, bool Cached)> WhoTookPartAsync(string path, bool fresh = false)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (fresh) request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var start = html.IndexOf("id=\"who-takes-part\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "the report shows who took part");
        var end = html.IndexOf("<h3", start, StringComparison.Ordinal);
        return (end < 0 ? html[start..] : html[start..end], response.Headers.Age is not null);
    }

    /// <summary>Until the page stays in the cache for a second (the async views of the city's writes have caught up): its section then.</summary>
    private async Task<string> SettledAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await WhoTookPartAsync(path);
            await Task.Delay(1000);
            var (section, cached) = await WhoTookPartAsync(path);
            if (cached) return section;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{path} never stayed in the page cache");
        }
    }

    /// <summary>A city whose annual report counts twelve women and fifteen others supporting a concern; answers them.</summary>
    private async Task<(string Report, List<Actor> Women)> CityWithSupportersAsync()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var women = await app.PeopleAsync(city, 12, gender: "woman");
        var others = await app.PeopleAsync(city, 15);
        foreach (var person in women.Concat(others)) await app.SupportAsync(concern, person, city);
        return ($"/cities/{city}/reports/{DateTimeOffset.UtcNow.Year}", women.ToList());
    }

    [Fact]
    public async Task A_withdrawn_profile_shows_on_the_next_anonymous_request_of_the_cached_annual_report()
    {
        var (path, women) = await CityWithSupportersAsync();
        var before = await SettledAsync(path);

        await app.SendForJsonAsync(HttpMethod.Delete, "/api/accounts/me/profile", null, women[0], 204);

        var (after, _) = await WhoTookPartAsync(path);
        Assert.NotEqual(before, after);
        Assert.Equal((await WhoTookPartAsync(path, fresh: true)).Section, after);
    }

    [Fact]
    public async Task A_profile_change_drops_the_cached_pages_of_the_persons_cities_only()
    {
        var (path, women) = await CityWithSupportersAsync();
        var (elsewhere, _) = await CityWithSupportersAsync(); // a city the person takes no part in
        await SettledAsync(elsewhere);
        var before = await SettledAsync(path);

        await app.SendForJsonAsync(HttpMethod.Put, "/api/accounts/me/profile", new { consent = true, gender = "man" }, women[0], 200);

        var (after, cached) = await WhoTookPartAsync(path);
        Assert.False(cached, "the report of the person's city was served from the cache after their profile changed");
        Assert.NotEqual(before, after);
        Assert.True((await WhoTookPartAsync(elsewhere)).Cached, "a profile change dropped the cached pages of a city the person takes no part in");
    }
}
