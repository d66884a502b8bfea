using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Platform.Tests.Web;

/// <summary>The network's recognition of a city on its public pages: the scorecard and the network's side-by-side table.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecognitionPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_scorecard_and_the_network_page_show_a_recognition_awarded_through_the_API()
    {
        using var api = new BrowserApi(browser);
        var cycle = await browser.RecogniseYorkAsync(api);

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/scorecard");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recognition by the network" })).ToBeVisibleAsync();
            // The highest level held, latest award first among equals: the award just made.
            var figures = page.Locator("dl").Filter(new() { HasText = "Recognition level" }).First;
            await Expect(figures).ToContainTextAsync("Recognition level Advanced");
            await Expect(figures).ToContainTextAsync($"Assessment cycle {cycle}");
            await Expect(figures).ToContainTextAsync("Peer-reviewed by Utrecht");
            await Expect(figures).ToContainTextAsync(new Regex($"Awarded on \\w+, \\w+ \\d+, {DateTime.UtcNow.Year}"));

            await page.GotoAsync("/network");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Recognition level" }) });
            var yorkColumn = await page.GetByRole(AriaRole.Columnheader).EvaluateAllAsync<int>("(cells) => cells.findIndex(c => c.textContent.trim() === 'York')");
            Assert.True(yorkColumn > 0);
            await Expect(row.Locator("td").Nth(yorkColumn - 1)).ToHaveTextAsync(new Regex("^Advanced \\("));
        });

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/scorecard");
            await Expect(page.Locator("dl").Filter(new() { HasText = "Recognition level" }).First).ToContainTextAsync("Niveau de reconnaissance Avancée");
        }, language: "fr");
    }
}
