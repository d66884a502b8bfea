using System.Text;

namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0-2.2 A and AA, best practices) on the indicator pages in English and French: the list, a series
/// page with its chart drawn and the official's form (also refused), the import page and its row-by-row report, and
/// the scorecard and the network page with a recognition.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_indicator_pages_have_no_axe_violations(string language)
    {
        using var api = new BrowserApi(browser);
        var (email, token) = await browser.OfficialAsync(api);
        var code = await api.AdoptHousingIndicatorAsync(token);
        await api.RecordDemoLikeSeriesAsync(token, code);
        await browser.RecogniseYorkAsync(api);

        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/cities/york/indicators");
            await check("indicator list");
            await page.GotoAsync($"/cities/york/indicators/{code}");
            await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined");
            await check("indicator, public, with its chart");
            await page.GotoAsync("/cities/york/scorecard");
            await check("scorecard with a recognition");
            await page.GotoAsync("/network");
            await check("network, with the recognition row");

            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/indicators/{code}");
            await check("indicator, official's form");
            await page.Locator("#period").FillAsync("2025");
            await page.Locator("#value").FillAsync("101");
            await page.Locator("form button.button").Last.ClickAsync();
            await Expect(page.Locator("#value-error")).ToBeVisibleAsync();
            await check("indicator, refused value");
            await page.Locator("#value").FillAsync("89");
            await page.Locator("form button.button").Last.ClickAsync();
            await Expect(page.Locator("#reason-error")).ToBeVisibleAsync(); // 2025 has a value: a correction needs a reason
            await check("indicator, correction without a reason");

            await page.GotoAsync($"/cities/york/indicators/{code}/import");
            await check("import");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "rows.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Year,Value\n2020,150\n2021,x\n") });
            await page.Locator("form[data-upload-progress] button[type=submit]").ClickAsync();
            await Expect(page.Locator("#problems")).ToBeVisibleAsync();
            await check("import, row-by-row report");
        });
    }
}
