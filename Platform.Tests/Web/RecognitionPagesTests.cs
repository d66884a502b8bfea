
namespace Platform.Tests.Web;

/// <summary>The network's recognition of a city on its public pages: the scorecard and the network's side-by-side table.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecognitionPagesTests(BrowserFixture browser)
{
    /// <summary>The figure under a term of the scorecard's lists (a dt and its dd in one div).</summary>
    private static ILocator Figure(IPage page, string term) =>
        page.Locator("dl > div", new() { Has = page.Locator("dt", new() { HasText = term }) }).Locator("dd");

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
            await Expect(Figure(page, "Recognition level")).ToHaveTextAsync("Advanced");
            await Expect(Figure(page, "Assessment cycle")).ToHaveTextAsync(cycle);
            await Expect(Figure(page, "Peer-reviewed by")).ToHaveTextAsync("Utrecht");
            await Expect(Figure(page, "Awarded on")).ToHaveTextAsync(new Regex($"^\\w+, \\w+ \\d+, {DateTime.UtcNow.Year}$"));

            await page.GotoAsync("/network");
            var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = "Recognition level" }) });
            var yorkColumn = await page.GetByRole(AriaRole.Columnheader).EvaluateAllAsync<int>("(cells) => cells.findIndex(c => c.textContent.trim() === 'York')");
            Assert.True(yorkColumn >= 0); // the row header is a th of the row; the cities' columns are its tds
            await Expect(row.Locator("td").Nth(yorkColumn)).ToHaveTextAsync(new Regex("^Advanced \\("));
        });

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/scorecard");
            await Expect(Figure(page, "Niveau de reconnaissance")).ToHaveTextAsync("Avancée");
        }, language: "fr");
    }
}
