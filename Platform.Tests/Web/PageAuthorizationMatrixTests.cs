using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Platform.Api.Cities;
using Platform.Tests.Accounts;
using Xunit.Abstractions;

namespace Platform.Tests.Web;

/// <summary>
/// The authorization matrix of the pages, generated from the app's own page descriptors: every POST handler of every page.
/// Each handler of a page under <c>/cities/{city}/</c> is posted, with its form prepared on an item of city A and with
/// <c>city</c> and <c>id</c> (or <c>code</c>) naming city B and B's item in both the form and the query string, from a
/// signed-in browser context: by the council of A (every role there), which acts on A's item and never on B; and by the
/// council of B, which is refused and stores nothing anywhere. What each handler expects is written once, in
/// <see cref="PageHandlers"/>; one run serves the tests below.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAuthorizationMatrixTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_form_handler_of_the_pages_has_a_written_expectation_so_a_new_one_cannot_slip_in_untested()
    {
        var run = await PageMatrixRun.OfAsync(browser);
        run.Report(output);
        Assert.True(run.Uncovered.Count == 0, "Page handlers without an expectation in PageHandlers: " + string.Join(", ", run.Uncovered));
        Assert.True(run.Stale.Count == 0, "Expectations in PageHandlers for handlers the pages no longer have: " + string.Join(", ", run.Stale));
        Assert.True(run.Misplaced.Count == 0, "Handlers of a city's pages listed without a form, or outside a city with one: " + string.Join(", ", run.Misplaced));
    }

    [Fact]
    public async Task No_official_or_moderator_acts_in_another_city_through_a_page_whatever_city_and_id_the_form_and_query_name()
    {
        var run = await PageMatrixRun.OfAsync(browser);
        run.Report(output);
        AssertCells(run.Cells.Where(c => c.Own).ToList());
    }

    [Fact]
    public async Task An_official_or_moderator_of_another_city_is_refused_on_a_citys_pages_and_nothing_is_stored()
    {
        var run = await PageMatrixRun.OfAsync(browser);
        run.Report(output);
        AssertCells(run.Cells.Where(c => !c.Own).ToList());
    }

    private static void AssertCells(IReadOnlyList<PageCell> cells)
    {
        Assert.NotEmpty(cells);
        var failures = cells.Where(c => c.Failure is not null).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells.Count} cells failed:\n" + string.Join("\n", failures.Select(c => $"  {c.Handler}: {c.Failure}")));
    }
}

/// <summary>One posted form: the handler, whether by the page city's own council, and what went wrong (null when nothing did).</summary>
public sealed record PageCell(string Handler, bool Own, int Status, string? Failure);

/// <summary>The page matrix, run once per browser host (see <see cref="PageAuthorizationMatrixTests"/>).</summary>
public sealed class PageMatrixRun
{
    public List<PageCell> Cells { get; } = [];
    public List<string> Uncovered { get; } = [];
    public List<string> Stale { get; } = [];
    public List<string> Misplaced { get; } = [];
    public int Handlers { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    private readonly BrowserFixture _browser;
    private PageMatrixRun(BrowserFixture browser) => _browser = browser;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static (BrowserFixture Host, PageMatrixRun Run)? _done;

    public static async Task<PageMatrixRun> OfAsync(BrowserFixture browser)
    {
        await Gate.WaitAsync();
        try
        {
            if (_done is { } done && ReferenceEquals(done.Host, browser)) return done.Run;
            var run = new PageMatrixRun(browser);
            await run.ExecuteAsync();
            _done = (browser, run);
            return run;
        }
        finally
        {
            Gate.Release();
        }
    }

    public void Report(ITestOutputHelper output)
    {
        output.WriteLine($"Page authorization matrix: {Cells.Count} cells ({Handlers} POST handlers of the pages found; " +
                         $"{Cells.Select(c => c.Handler).Distinct().Count()} of them under /cities/{{city}}/, posted by each city's council), in {Elapsed.TotalSeconds:F1} s; " +
                         $"{Cells.Count(c => c.Failure is not null)} failed.");
    }

    /// <summary>Every POST handler the app's pages have: route template (with a leading slash) and handler name (empty for <c>OnPost</c>).</summary>
    private async Task<List<(string Route, string Handler)>> PageHandlersAsync()
    {
        var descriptors = _browser.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items.OfType<PageActionDescriptor>();
        var loader = _browser.Services.GetRequiredService<PageLoader>();
        var found = new List<(string, string)>();
        foreach (var page in descriptors)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
                found.Add(("/" + page.AttributeRouteInfo!.Template, handler.Name ?? ""));
        }
        return found.Distinct().ToList();
    }

    private async Task ExecuteAsync()
    {
        var watch = Stopwatch.StartNew();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var found = await PageHandlersAsync();
        Handlers = found.Count;
        var expected = PageHandlers.All.ToDictionary(h => (h.Route, h.Handler));
        Uncovered.AddRange(found.Where(f => !expected.ContainsKey(f)).Select(f => f.Handler.Length == 0 ? f.Route : $"{f.Route} ({f.Handler})"));
        Stale.AddRange(expected.Keys.Where(k => !found.Contains(k)).Select(k => expected[k].Name));
        Misplaced.AddRange(PageHandlers.All.Where(h => h.Route.StartsWith("/cities/{city}/") != (h.Arrange is not null)).Select(h => h.Name));

        var here = await CityAsync();
        var elsewhere = await CityAsync();
        var (_, ours) = await _browser.AccountAsync(here, Enum.GetValues<CityRole>());
        var (_, theirs) = await _browser.AccountAsync(elsewhere, Enum.GetValues<CityRole>());
        using var api = new BrowserApi(_browser);
        using var sceneHere = new PageScene(_browser, here, await api.TokenAsync(ours));
        using var sceneElsewhere = new PageScene(_browser, elsewhere, await api.TokenAsync(theirs));
        var theirConcern = await sceneElsewhere.ConcernAsync(); // the item of theirs forged into pages that name none in their route
        var schema = BrowserFixture.Schema;

        var council = await SignedInAsync(ours, here);
        var outsider = await SignedInAsync(theirs, elsewhere);
        try
        {
            foreach (var handler in PageHandlers.All.Where(h => h.Arrange is not null && found.Contains((h.Route, h.Handler))))
            {
                var name = handler.Name;
                try
                {
                    var form = await handler.Arrange!(sceneHere);
                    var their = await handler.Arrange!(sceneElsewhere);
                    var address = handler.Route.Replace("{city}", here);
                    foreach (var (key, value) in form.Route) address = System.Text.RegularExpressions.Regex.Replace(address, $"\\{{{key}(:[^}}]*)?\\}}", value);
                    var forged = new Dictionary<string, string> { ["city"] = elsewhere, ["id"] = their.Route.GetValueOrDefault("id") ?? theirConcern.ToString() };
                    if (their.Route.TryGetValue("code", out var code)) forged["code"] = code;
                    var query = (handler.Handler.Length == 0 ? "?" : $"?handler={handler.Handler}&") + string.Join("&", forged.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));

                    // The other city's council, on this city's page, naming their own city and item: refused, and nothing stored anywhere.
                    // Where the form stores: the page's city, or the one the form names (a reviewed city).
                    var target = form.StoresIn ?? here;
                    var before = await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, schema, target, elsewhere, since);
                    var (status, location, body) = await PostAsync(outsider, address + query, form, forged);
                    var after = await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, schema, target, elsewhere, since);
                    var refused = handler.Outsider == PageRefusal.Forbidden
                        ? status == 302 && location.StartsWith("/forbidden", StringComparison.Ordinal)
                        : status == 200 && body.Contains("Only residents of", StringComparison.Ordinal);
                    Cells.Add(new PageCell(name, false, status, !refused ? $"the other city's council was not refused as expected ({handler.Outsider}): {status} {location}"
                        : after != before ? "the other city's council was refused, but something was stored" : null));

                    // This city's council, with the other city's name and item forged in: acts on this city's item, never on the other city.
                    before = after;
                    (status, location, body) = await PostAsync(council, address + query, form, forged);
                    after = await StoreFingerprint.ReadAsync(TestDatabase.ConnectionString, schema, target, elsewhere, since);
                    Cells.Add(new PageCell(name, true, status,
                        after.Second != before.Second ? "the other city changed"
                        : status != 302 || !location.StartsWith($"/cities/{here}/", StringComparison.Ordinal) ? $"the form did not succeed on this city's page: {status} {location} {Errors(body)}"
                        : after.First == before.First ? "the form succeeded but stored nothing in this city"
                        : null));
                }
                catch (Exception e)
                {
                    Cells.Add(new PageCell(name, true, 0, $"preparing or posting failed: {e.GetType().Name}: {e.Message}"));
                }
            }
        }
        finally
        {
            await council.Page.Context.CloseAsync();
            await outsider.Page.Context.CloseAsync();
        }
        Elapsed = watch.Elapsed;
    }

    private async Task<string> CityAsync()
    {
        var slug = $"x{Guid.NewGuid():N}"[..20];
        await using var session = _browser.Store.LightweightSession();
        session.Store(new City
        {
            Id = slug, Names = new() { ["en"] = "Matrixton" }, TimeZone = "Europe/London", RegisteredAt = DateTimeOffset.UtcNow,
            Settings = new CitySettings { ProposalSupportThreshold = 1 },
        });
        await session.SaveChangesAsync();
        return slug;
    }

    /// <summary>A browser context signed in as <paramref name="email"/>, and an antiforgery token of its session (read from a form of its city).</summary>
    private async Task<(IPage Page, string Token)> SignedInAsync(string email, string city)
    {
        var page = await _browser.NewPageAsync(javaScript: false);
        await page.SignInAsync(email);
        await page.GotoAsync($"/cities/{city}/concerns/new");
        return (page, await page.Locator("main form input[name=__RequestVerificationToken]").First.InputValueAsync());
    }

    /// <summary>Posts the form (with the forged fields) from the context, as a script of its page could; the redirect is not followed.</summary>
    private static async Task<(int Status, string Location, string Body)> PostAsync((IPage Page, string Token) who, string url, PageForm form,
        IReadOnlyDictionary<string, string> forged)
    {
        var request = who.Page.Context.APIRequest;
        var fields = request.CreateFormData();
        fields.Set("__RequestVerificationToken", who.Token);
        foreach (var (name, value) in form.Fields.Concat(forged)) fields.Append(name, value);
        if (form.Csv is not null)
            fields.Set("file", new FilePayload { Name = "values.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(form.Csv) });
        var options = form.Csv is null
            ? new APIRequestContextOptions { Form = fields, MaxRedirects = 0 }
            : new APIRequestContextOptions { Multipart = fields, MaxRedirects = 0 };
        var answer = await request.PostAsync(url, options);
        var location = answer.Headers.TryGetValue("location", out var to) ? to : "";
        if (Uri.TryCreate(location, UriKind.Absolute, out var absolute)) location = absolute.PathAndQuery;
        return (answer.Status, location, answer.Status == 200 ? await answer.TextAsync() : "");
    }

    /// <summary>The errors a page shows (its error summary's items), to say why a form did not succeed.</summary>
    private static string Errors(string page) =>
        string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(page, "<li>(?:<a [^>]*>)?([^<]*)<").Select(m => m.Groups[1].Value));
}
