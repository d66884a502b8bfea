using System.Text.RegularExpressions;

namespace Platform.Tests.Web;

/// <summary>
/// Contest and escalate in a browser: the author contests the council's answer from the concern page (also without
/// JavaScript), and the independent body finds the escalated concern in its queue and records its finding; axe on
/// every state, in two languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContestPagesTests(BrowserFixture browser)
{
    /// <summary>A concern of the scene's resident, answered by its official; returns its id.</summary>
    private static async Task<Guid> AnsweredAsync(CouncilScene scene, string title)
    {
        var id = await scene.RaiseConcernAsync(title);
        await scene.Api.PostAsync(await scene.Api.TokenAsync(scene.Official), $"/api/cities/{scene.City}/concerns/{id}/answer", new { answer = "The ramp is clear." });
        return id;
    }

    [Theory]
    [InlineData("en", "Acknowledged", "Your contest is recorded")]
    [InlineData("fr", "Prise en charge", "Votre contestation est enregistrée")]
    public async Task The_author_contests_the_answer_from_the_concern_page_and_it_reopens(string language, string acknowledged, string confirmation)
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        var id = await AnsweredAsync(scene, "Blocked ramp at the health centre");
        var violations = new List<string>();

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Resident);
            await page.GotoAsync($"/cities/{scene.City}/concerns/{id}");
            await page.AuditAsync(language, "concern, contest form", violations);
            await page.Locator("form[action*='handler=Contest'] button[type=submit]").ClickAsync(); // no reason: refused next to the field
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await Expect(page.Locator("#contest-reason")).ToHaveAttributeAsync("aria-invalid", "true");
            await page.AuditAsync(language, "concern, contest refused", violations);

            await page.Locator("#contest-reason").FillAsync("The ramp is blocked again by bins.");
            await page.Locator("form[action*='handler=Contest'] button[type=submit]").ClickAsync();
            await Expect(page.Locator(".confirmation")).ToContainTextAsync(confirmation);
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync(acknowledged);
            await Expect(page.Locator("#contest-heading + p")).ToContainTextAsync("1");
            await Expect(page.Locator("main")).ToContainTextAsync("The ramp is blocked again by bins.");
            await Expect(page.Locator("form[action*='handler=Contest']")).ToHaveCountAsync(0);
            await page.AuditAsync(language, "concern, reopened", violations);
        }, language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var history = JsonDocument.Parse(await http.GetStringAsync($"/api/cities/{scene.City}/concerns/{id}/history")).RootElement;
        Assert.Equal(["contested", "reopened"], history.EnumerateArray().TakeLast(2).Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Without_javascript_the_contest_form_posts_and_redirects_back()
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        var id = await AnsweredAsync(scene, "Broken street lights on Hull Road");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Resident);
            await page.GotoAsync($"/cities/{scene.City}/concerns/{id}");
            await page.Locator("#contest-reason").FillAsync("Still dark at night.");
            await page.Locator("form[action*='handler=Contest'] button[type=submit]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/{scene.City}/concerns/{id}$"));
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync("Acknowledged");
        }, javaScript: false);
    }

    [Theory]
    [InlineData("en", "Upheld")]
    [InlineData("fr", "Fondée")]
    public async Task The_independent_body_finds_the_escalation_in_its_queue_and_records_a_finding(string language, string upheld)
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        var id = await AnsweredAsync(scene, "Mould in the Kingsway flats");
        var resident = await scene.Api.TokenAsync(scene.Resident);
        var official = await scene.Api.TokenAsync(scene.Official);
        var url = $"/api/cities/{scene.City}/concerns/{id}";
        await scene.Api.PostAsync(resident, $"{url}/contests", new { reason = "No inspection." });
        await scene.Api.PostAsync(official, $"{url}/answer", new { answer = "Inspection done." });
        await scene.Api.PostAsync(resident, $"{url}/contests", new { reason = "The roof still leaks." });
        await scene.Api.PostAsync(resident, $"{url}/escalation", new { reason = "Reopened twice and nothing done." });
        var (_, body) = await browser.AccountAsync(scene.City, CityRole.IndependentBody);
        var violations = new List<string>();

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(body);
            await page.GotoAsync($"/cities/{scene.City}/escalations");
            var item = page.Locator("#awaiting-heading + ul li");
            await Expect(item).ToHaveCountAsync(1);
            await Expect(item).ToContainTextAsync("Reopened twice and nothing done.");
            await page.AuditAsync(language, "escalation queue", violations);

            await item.Locator("a").ClickAsync();
            await page.Locator("form[action*='handler=Finding'] button[type=submit]").ClickAsync(); // nothing chosen: refused
            await Expect(page.Locator(".error-summary li")).ToHaveCountAsync(2);
            await page.AuditAsync(language, "concern, finding refused", violations);

            await page.Locator("#outcome-upheld").CheckAsync();
            await page.Locator("#finding").FillAsync("The council did not repair the roof.");
            await page.Locator("form[action*='handler=Finding'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#contest-heading ~ h3").Last).ToContainTextAsync(upheld);
            await Expect(page.Locator("main")).ToContainTextAsync("The council did not repair the roof.");
            await Expect(page.Locator("form[action*='handler=Finding']")).ToHaveCountAsync(0);
            await page.AuditAsync(language, "concern, finding published", violations);

            await page.GotoAsync($"/cities/{scene.City}/escalations");
            await Expect(page.Locator("#awaiting-heading + p")).ToBeVisibleAsync(); // none awaiting
            await Expect(page.Locator("#decided-heading + ul li")).ToHaveCountAsync(1);
        }, language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // Officials see no queue: it is the independent body's.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/escalations");
            await Expect(page).ToHaveURLAsync(new Regex("/forbidden"));
        });
    }
}
