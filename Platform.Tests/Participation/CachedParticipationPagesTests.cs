using System.Net;

namespace Platform.Tests.Participation;

/// <summary>
/// A participation profile is a network-wide document: saving or withdrawing one drops the cached pages (docs/page-cache.md),
/// so the participation figures of the annual report change on the very next anonymous request.
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

    [Fact]
    public async Task A_withdrawn_profile_shows_on_the_next_anonymous_request_of_the_cached_annual_report()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var women = await app.PeopleAsync(city, 12, gender: "woman");
        var others = await app.PeopleAsync(city, 15);
        foreach (var person in women.Concat(others)) await app.SupportAsync(concern, person, city);
        var path = $"/cities/{city}/reports/{DateTimeOffset.UtcNow.Year}";

        // Until the page stays in the cache (the async views of the supports have caught up).
        var clock = Stopwatch.StartNew();
        string before;
        while (true)
        {
            await WhoTookPartAsync(path);
            await Task.Delay(1000);
            var (section, cached) = await WhoTookPartAsync(path);
            if (cached) { before = section; break; }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the report never stayed in the page cache");
        }

        await app.SendForJsonAsync(HttpMethod.Delete, "/api/accounts/me/profile", null, women[0], 204);

        var (after, _) = await WhoTookPartAsync(path);
        Assert.NotEqual(before, after);
        Assert.Equal((await WhoTookPartAsync(path, fresh: true)).Section, after);
    }
}
