using System.Net.Http;

namespace Platform.Tests.Open311;

/// <summary>
/// The officials' page of Open311 client apps in a real browser, with and without JavaScript, in English and French: a refused
/// issue shows its error at the field, an issued key is shown once and works against the GeoReport endpoint, a revoked key is
/// refused. axe finds no violations in any of these states.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Open311PageTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("fr", true)]
    [InlineData("en", false)]
    public async Task An_official_issues_a_key_shown_once_that_works_then_revokes_it_with_no_axe_violations(string language, bool javaScript)
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var client = new GeoReportClient(http, scene.City);
        var app = $"Street Reporter {Guid.NewGuid():N}"[..24];
        var violations = new List<string>();
        // axe runs in the page's JavaScript: the run without it checks the flow only.
        Task Audit(IPage page, string what) => javaScript ? page.AuditAsync(language, what, violations) : Task.CompletedTask;
        string? key = null;

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/council");
            await page.Locator($"a[href='/cities/{scene.City}/council/open311']").ClickAsync();
            await Expect(page.Locator("#app")).ToBeVisibleAsync();
            await Audit(page, "Open311 page, no app yet");

            // Refused: no name (by field id: the words are French in one run).
            await page.Locator("form:has(#app) button[type=submit]").ClickAsync();
            await Expect(page.Locator("#app-error")).ToBeVisibleAsync();
            await Audit(page, "Open311 page, refused issue");

            await page.Locator("#app").FillAsync(app);
            await page.Locator("form:has(#app) button[type=submit]").ClickAsync();
            await Expect(page.Locator("#issued-key")).ToBeVisibleAsync();
            key = await page.Locator("#issued-key").InnerTextAsync();
            await Expect(page.Locator(".card h3")).ToHaveTextAsync(app);
            await Audit(page, "Open311 page, key issued");

            // The key works where it was issued.
            var posted = await client.PostAsync("json", GeoReportClient.Fields(key, "housing", "Mould in the flats of Clifton House"));
            Assert.True(posted.Status == 200, posted.Body);

            // Shown once: a reload no longer has it.
            await page.ReloadAsync();
            await Expect(page.Locator("#issued-key")).ToHaveCountAsync(0);
            Assert.DoesNotContain(key, await page.ContentAsync());

            await page.Locator(".card form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".card form")).ToHaveCountAsync(0);
            await Audit(page, "Open311 page, key revoked");
        }, language, javaScript);

        Assert.StartsWith("o311_", key);
        var refused = await client.PostAsync("xml", GeoReportClient.Fields(key, "housing", "After the revocation"));
        GeoAnswer.AssertError(refused, 403, "api_key", "xml");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
