using System.Net;
using System.Net.Http.Headers;
using Platform.Api.Web;

namespace Platform.Tests.Web;

/// <summary>
/// The page cache (docs/page-cache.md), through real HTTP on the test host: anonymous visitors' pages come from memory
/// (an <c>Age</c> header says a response was served from it) per language, and a change of the city shows on the very
/// next request; signed-in people never read nor fill it; nothing with an antiforgery token is kept; the security
/// headers stay.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PageCacheTests(AppFixture app)
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<(HttpResponseMessage Response, string Html)> GetAsync(string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Asks until the page comes from the cache (the first ask may have filled it), at most ten times; answers that response.</summary>
    private async Task<(HttpResponseHeaders Headers, string Html)> HitAsync(string path, Action<HttpRequestHeaders>? headers = null)
    {
        // A write's views may still signal their change in the first moments (the live subscription, the scorecards).
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var (response, html) = await GetAsync(path, headers);
            using (response)
                if (FromCache(response)) return (response.Headers, html);
            await Task.Delay(50);
        }
        Assert.Fail($"{path} was never served from the page cache");
        return default;
    }

    private async Task<string> CachedAsync(string path, Action<HttpRequestHeaders>? headers = null) => (await HitAsync(path, headers)).Html;

    /// <summary>
    /// Until the page stays in the cache for a second: the city's views written asynchronously after its latest writes
    /// (the scorecards) have caught up and said so, which drops its pages once more. For tests that a page stays.
    /// </summary>
    private async Task<string> SettledAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await CachedAsync(path);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var (response, html) = await GetAsync(path);
            using (response)
                if (FromCache(response)) return html;
        }
        Assert.Fail($"{path} never stayed in the page cache for a second");
        return "";
    }

    private static Action<HttpRequestHeaders> As(Actor person) => h => h.Authorization = new AuthenticationHeaderValue("Bearer", person.Token);

    [Fact]
    public async Task A_new_concern_shows_on_the_next_anonymous_request_of_the_cached_list()
    {
        var city = await app.NewCityAsync(); // a city of its own: no other test's write drops its pages
        var first = $"Cracked pavement on Gillygate {Guid.NewGuid():N}";
        await app.RaiseAsync(city, ConcernApi.ValidBody(first));
        var list = $"/cities/{city}/concerns";
        Assert.Contains(first, await CachedAsync(list));

        var second = $"No bench at the Clifton stop {Guid.NewGuid():N}";
        await app.RaiseAsync(city, ConcernApi.ValidBody(second));
        var (response, html) = await GetAsync(list);
        using (response)
        {
            Assert.False(FromCache(response), "the list was served from the cache after a concern was raised in its city");
            Assert.Contains(second, html);
        }
        Assert.Contains(second, await CachedAsync(list)); // and cached again, as it now is
    }

    [Fact]
    public async Task A_support_shows_on_the_next_anonymous_request_of_the_cached_concern_page()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var page = $"/cities/{city}/concerns/{concern}";
        Assert.Contains("Supports: 0", await CachedAsync(page));

        await app.SupportAsync(concern, await app.ResidentAsync(city), city);
        var (response, html) = await GetAsync(page);
        using (response)
        {
            Assert.False(FromCache(response));
            Assert.Contains("Supports: 1", html);
        }
    }

    [Fact]
    public async Task A_redacted_concerns_text_is_gone_from_the_next_anonymous_request_of_its_cached_page()
    {
        var city = await app.NewCityAsync();
        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        var title = $"Call my neighbour on 07700 900123 {Guid.NewGuid():N}";
        var concern = await app.RaiseAsync(city, ConcernApi.ValidBody(title));
        var page = $"/cities/{city}/concerns/{concern}";
        Assert.Contains(title, await CachedAsync(page));

        await app.ActAsync(concern, "redaction", moderator, new { reason = "A private phone number." }, city: city);
        var (response, html) = await GetAsync(page);
        using (response) Assert.DoesNotContain(title, html);
    }

    [Fact]
    public async Task A_complaint_figure_the_async_projection_writes_shows_on_the_next_anonymous_request_of_the_cached_indicator_page()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        await app.SendAsync(HttpMethod.Put, $"/api/cities/{city}/population", new
        {
            shares = new[] { "Clifton", "Acomb", "Fulford", "Heworth", "Dringhouses" }.Select(d => new { dimension = "district", group = d, percent = 5.0 }).ToArray(),
            source = new { name = "Census 2021", year = 2021 },
        }, official, 200);
        var resident = await app.ResidentAsync(city);
        object Concern(string district) => new { title = "Broken lift at the station", rights = new[] { "housing" }, sdgTargets = Array.Empty<string>(), district };
        var path = $"/cities/{city}/indicators/{Platform.Domain.Monitoring.PlatformIndicators.Received}";
        await app.RaiseAsync(city, Concern("Clifton"), resident);
        await FiguresAsync(city, "Clifton");
        Assert.Contains("Clifton", await SettledAsync(path));

        // A concern in a new district while the complaint figures projection is stopped: the event's own signal and the
        // other async views' (the scorecard and the concern board count the same events) drop the page, which is then
        // rendered and kept without that district. Once the projection runs again and writes the figures, only its own
        // signal drops that copy. The store's projection coordinator starts a stopped agent again at its next poll, so
        // the figures may be written before the page is read (seen on a loaded machine): then the copy shows the district
        // as the figures do, the window this test needs did not open, and it tries again with the next district.
        var daemon = app.Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        var shard = $"{ComplaintFiguresProjection}:All";
        string? behind = null;
        foreach (var district in new[] { "Acomb", "Fulford", "Heworth", "Dringhouses" })
        {
            await daemon.StopAgentAsync(shard, null);
            try
            {
                await app.RaiseAsync(city, Concern(district), resident);
                if (!(await SettledAsync(path)).Contains(district)) behind = district;
                else Assert.Contains($"\"{district}\"", await ReceivedAsync(city)); // shown only because the figures hold it already
            }
            finally
            {
                await daemon.StartAgentAsync(shard, CancellationToken.None);
            }
            if (behind is not null) break;
        }
        Assert.True(behind is not null, "the complaint figures were never behind the page long enough to read it without the new district");
        await FiguresAsync(city, behind);
        var (response, html) = await GetAsync(path);
        using (response)
        {
            Assert.False(FromCache(response), "the cached page outlived the complaint figures it shows");
            Assert.Contains(behind, html);
        }
    }

    /// <summary>The name of the complaint figures projection: its daemon agent's address holds it.</summary>
    private static readonly string ComplaintFiguresProjection = new Platform.Projections.Monitoring.ComplaintFiguresProjection().Name;

    /// <summary>The city's received-concerns series as the API answers it (from the complaint figures).</summary>
    private async Task<string> ReceivedAsync(string city) =>
        (await app.GetAsync($"/api/cities/{city}/indicators/{Platform.Domain.Monitoring.PlatformIndicators.Received}")).Body.GetRawText();

    /// <summary>Until the city's received-concerns series holds a value for <paramref name="district"/> (the async projection wrote it).</summary>
    private async Task FiguresAsync(string city, string district)
    {
        var clock = Stopwatch.StartNew();
        while (!(await ReceivedAsync(city)).Contains($"\"{district}\""))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the complaint figures of {city} never counted {district}");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_change_in_another_city_leaves_the_cached_pages_of_this_one_in_place()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        var page = $"/cities/{city}/concerns/{await app.RaiseAsync(city)}";
        await SettledAsync(page);
        await app.RaiseAsync(other);
        var (response, _) = await GetAsync(page);
        using (response) Assert.True(FromCache(response), "a concern raised in another city dropped a page of this one");
    }

    [Fact]
    public async Task Each_language_has_its_own_cached_page_from_Accept_Language_or_the_language_cookie()
    {
        var page = $"/cities/{await app.NewCityAsync()}/concerns";
        var english = await CachedAsync(page, h => h.AcceptLanguage.ParseAdd("en"));
        var french = await CachedAsync(page, h => h.AcceptLanguage.ParseAdd("fr-FR"));
        var dutch = await CachedAsync(page, h => h.TryAddWithoutValidation("Cookie", $"{WebSetup.LanguageCookie}=c=nl|uic=nl"));
        var ukrainian = await CachedAsync(page, h => h.AcceptLanguage.ParseAdd("uk"));

        Assert.Contains("<html lang=\"en\"", english);
        Assert.Contains("<html lang=\"fr\"", french);
        Assert.Contains("<html lang=\"nl\"", dutch);
        Assert.Contains("<html lang=\"uk\"", ukrainian);
        // The cookie wins over the browser's language, cached or not.
        Assert.Contains("<html lang=\"nl\"", await CachedAsync(page, h =>
        {
            h.AcceptLanguage.ParseAdd("fr");
            h.TryAddWithoutValidation("Cookie", $"{WebSetup.LanguageCookie}=c=nl|uic=nl");
        }));
    }

    [Fact]
    public async Task Two_people_and_an_anonymous_visitor_in_turn_each_get_their_own_page()
    {
        var city = await app.NewCityAsync();
        var supporter = await app.ResidentAsync(city);
        var other = await app.ResidentAsync(city);
        var concern = await app.RaiseAsync(city);
        await app.SupportAsync(concern, supporter, city);
        var page = $"/cities/{city}/concerns/{concern}";
        var anonymous = await SettledAsync(page);
        Assert.DoesNotContain("You support this concern.", anonymous);
        Assert.DoesNotContain("Sign out", anonymous);

        for (var round = 0; round < 2; round++)
        {
            var (mine, mineHtml) = await GetAsync(page, As(supporter));
            using (mine)
            {
                Assert.False(FromCache(mine));
                Assert.Contains("You support this concern.", mineHtml);
                Assert.Contains("Sign out", mineHtml);
                // Personal: private, or no-store where the page holds a form's antiforgery token (as this one does).
                Assert.True(mine.Headers.CacheControl is { NoCache: true } control && (control.Private || control.NoStore), $"Cache-Control: {mine.Headers.CacheControl}");
            }
            var (theirs, theirsHtml) = await GetAsync(page, As(other));
            using (theirs)
            {
                Assert.False(FromCache(theirs));
                Assert.DoesNotContain("You support this concern.", theirsHtml);
                Assert.Contains("Withdraw my support", mineHtml);
                Assert.DoesNotContain("Withdraw my support", theirsHtml);
                Assert.Contains("Support this concern", theirsHtml);
            }
            var (visitor, visitorHtml) = await GetAsync(page);
            using (visitor)
            {
                Assert.True(FromCache(visitor), "the signed-in requests in between dropped or replaced the anonymous page");
                Assert.Equal(anonymous, visitorHtml);
            }
        }
    }

    [Fact]
    public async Task A_sign_in_cookie_or_a_one_time_message_keeps_a_request_away_from_the_cache_even_when_not_valid()
    {
        var page = $"/cities/{await app.NewCityAsync()}/proposals";
        await CachedAsync(page);
        foreach (var cookie in new[] { "hrc.auth=not-a-ticket", ".AspNetCore.Mvc.CookieTempDataProvider=not-a-message" })
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var (response, _) = await GetAsync(page, h => h.TryAddWithoutValidation("Cookie", cookie));
                using (response) Assert.False(FromCache(response), $"a request with {cookie} was served from the cache");
            }
    }

    [Fact]
    public async Task Cached_pages_carry_no_antiforgery_token_and_the_sign_in_form_which_has_one_is_never_kept()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var concern = await app.RaiseAsync(city);
        var pages = new[]
        {
            $"/cities/{city}/concerns/{concern}", $"/cities/{city}/proposals/{await app.SubmitAsync(city)}",
            $"/cities/{city}/commitments/{await app.PublishCommitmentAsync(official, city: city)}", $"/cities/{city}/concerns",
        };
        foreach (var page in pages)
        {
            var html = await CachedAsync(page);
            Assert.DoesNotContain("__RequestVerificationToken", html);
            Assert.DoesNotContain("method=\"post\" action=\"/cities/", html);
        }
        // The anonymous visitor's Support and Follow buttons lead to signing in and back here, without a form to post.
        Assert.Contains($"<input type=\"hidden\" name=\"returnUrl\" value=\"/cities/{city}/concerns/{concern}\">", await CachedAsync(pages[0]));

        // The sign-in form holds a token of the visitor's own antiforgery cookie: rendered afresh every time, never kept,
        // even for a visitor who already holds the cookie (so nothing else stops it from being kept).
        var (first, firstForm) = await GetAsync("/sign-in");
        string cookie;
        using (first) cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hrc.antiforgery=")).Split(';')[0];
        var tokens = new List<string> { Token(firstForm) };
        for (var again = 0; again < 3; again++)
        {
            var (response, form) = await GetAsync("/sign-in", h => h.TryAddWithoutValidation("Cookie", cookie));
            using (response)
            {
                Assert.False(FromCache(response));
                Assert.False(response.Headers.Contains("Set-Cookie"));
                Assert.True(response.Headers.CacheControl is { NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
                tokens.Add(Token(form));
            }
        }
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    private static string Token(string html)
    {
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    [Fact]
    public async Task A_cached_page_keeps_the_security_headers_and_says_how_it_may_be_cached()
    {
        var (headers, _) = await HitAsync($"/cities/{await app.NewCityAsync()}/commitments");
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.StartsWith("default-src 'self'", headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("strict-origin-when-cross-origin", headers.GetValues("Referrer-Policy").Single());
        Assert.True(headers.CacheControl is { NoCache: true, Private: false, NoStore: false }, $"Cache-Control: {headers.CacheControl}");
        Assert.Equal(new[] { "Accept-Language", "Cookie", "Authorization" }, headers.Vary.ToArray());
        Assert.False(headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_request_that_asks_for_no_cache_is_rendered_afresh()
    {
        var page = $"/cities/{await app.NewCityAsync()}/town-halls";
        await CachedAsync(page);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (response, _) = await GetAsync(page, h => h.CacheControl = new CacheControlHeaderValue { NoCache = true });
            using (response) Assert.False(FromCache(response));
        }
    }

    [Fact]
    public async Task Pages_not_marked_for_visitors_are_never_served_from_the_cache()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (response, _) = await GetAsync("/cities/york/search?q=bus");
            using (response) Assert.False(FromCache(response));
        }
    }
}
