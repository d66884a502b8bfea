using System.Text;

namespace Platform.Tests.Web;

/// <summary>
/// The indicator pages: the public series (chart, table of the same values, status, gaps, downloads) and what officials
/// do there (record a value, correct it with a reason, import an Open SDG file); refusals show next to the field or as a
/// row-by-row report, and store nothing (checked through the API).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IndicatorPagesTests(BrowserFixture browser)
{
    private static ILocator ValuesTable(IPage page) => page.GetByRole(AriaRole.Table, new() { Name = "Values by period" });

    private static ILocator Row(ILocator table, string name) => table.GetByRole(AriaRole.Row, new() { Name = name, Exact = true });

    [Fact]
    public async Task The_public_page_of_a_demo_like_series_shows_its_values_status_gaps_and_downloads()
    {
        using var api = new BrowserApi(browser);
        var (_, token) = await browser.OfficialAsync(api);
        var name = $"Residents with sufficient living space {Guid.NewGuid():N}";
        var code = await api.AdoptHousingIndicatorAsync(token, name);
        await api.RecordDemoLikeSeriesAsync(token, code);
        var series = (await browser.SeriesAsync(code)).GetProperty("series");
        Assert.Equal("onTrack", series.GetProperty("progress").GetProperty("status").GetString()); // what the page must say

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/scorecard");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of York" }).GetByRole(AriaRole.Link, new() { Name = "Indicators", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/indicators$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adequate housing", Level = 2 })).ToBeVisibleAsync();
            var listed = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name }) });
            await Expect(listed).ToContainTextAsync("Outcome");
            await Expect(listed).ToContainTextAsync("89.3 %");
            await Expect(listed).ToContainTextAsync("2025");
            await Expect(listed).ToContainTextAsync("Improving");
            await Expect(listed).ToContainTextAsync("On track");

            await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/indicators/{code}$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#progress-status")).ToHaveTextAsync("On track");

            var table = ValuesTable(page);
            await Expect(Row(table, "2019 (baseline) 82 %")).ToBeVisibleAsync();
            foreach (var (period, value) in MonitoringScene.DemoLikeValues)
                await Expect(Row(table, $"{period} {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} %")).ToBeVisibleAsync();
            await Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(1 + 7); // header, baseline and six years

            // The chart is drawn, and says what it is (the table is its text alternative).
            var chart = page.GetByRole(AriaRole.Img, new() { Name = $"Chart of the values of {name} by period; the table beside gives the numbers." });
            await Expect(chart).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => window.Chart && Chart.getChart(document.querySelector('canvas[data-chart]')) !== undefined");

            var gaps = page.GetByRole(AriaRole.Table, new() { Name = "By Sex, 2025" });
            await Expect(Row(gaps, "female 90.1 % +0.8")).ToBeVisibleAsync();
            await Expect(Row(gaps, "male 88.4 % -0.9")).ToBeVisibleAsync();
            await Expect(page.GetByText("Lowest: male. Highest: female. Gap between them: 1.7.")).ToBeVisibleAsync();

            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the values (CSV, Open SDG layout)" }))
                .ToHaveAttributeAsync("href", $"/api/cities/york/indicators/{code}/data.csv");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the values (JSON)" }))
                .ToHaveAttributeAsync("href", $"/api/cities/york/indicators/{code}/data.json");
            // Visitors read; only officials of the city get the form.
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Record a value" })).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task Community_values_show_beside_the_official_ones_and_stay_out_of_the_status()
    {
        using var api = new BrowserApi(browser);
        var (_, token) = await browser.OfficialAsync(api);
        var code = await api.AdoptHousingIndicatorAsync(token);
        var measurements = $"/api/cities/york/indicators/{code}/measurements";
        await api.PostAsync(token, measurements, new { period = "2024", value = 88 });
        await api.PostAsync(token, measurements, new { period = "2024", value = 64.5, source = "community" });
        await api.PostAsync(token, measurements, new { period = "2025", value = 66, source = "community" });

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/indicators/{code}");
            var table = ValuesTable(page);
            await Expect(table.GetByRole(AriaRole.Columnheader)).ToHaveTextAsync(["Period", "Official value", "Residents' perception survey"]);
            await Expect(Row(table, "2019 (baseline) 82 % –")).ToBeVisibleAsync();
            await Expect(Row(table, "2024 88 % 64.5 %")).ToBeVisibleAsync();
            await Expect(Row(table, "2025 – 66 %")).ToBeVisibleAsync();
            // The official figures read official values only; the latest community value is shown on its own.
            await Expect(page.Locator("dl > div", new() { Has = page.Locator("dt", new() { HasText = "Latest value" }) }).Locator("dd")).ToHaveTextAsync("88 % (2024)");
            await Expect(page.Locator("dl > div", new() { Has = page.Locator("dt", new() { HasText = "Residents' perception survey" }) }).Locator("dd")).ToHaveTextAsync("66 % (2025)");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Every value recorded" }).GetByRole(AriaRole.Row, new() { Name = "2025 Whole city 66 % Community (residents' perception survey)" }))
                .ToBeVisibleAsync();
        }, language: "en", javaScript: false);
    }

    [Fact]
    public async Task An_official_records_a_value_then_corrects_it_with_a_reason()
    {
        using var api = new BrowserApi(browser);
        var (email, token) = await browser.OfficialAsync(api);
        var code = await api.AdoptHousingIndicatorAsync(token);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/indicators/{code}");
            var form = page.Locator("form", new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }) });
            await form.GetByLabel("Period", new() { Exact = true }).FillAsync("2024");
            await form.GetByLabel("Value", new() { Exact = true }).FillAsync("84.2");
            await form.GetByLabel("Method note (optional)", new() { Exact = true }).FillAsync("Housing register, March count.");
            await Expect(form.GetByLabel("Reason for the correction", new() { Exact = true })).ToHaveCountAsync(0); // nothing to correct yet
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The value is recorded.");
            await Expect(Row(ValuesTable(page), "2024 84.2 %")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Every value recorded" }).GetByRole(AriaRole.Row, new() { Name = "2024" }))
                .ToContainTextAsync("Housing register, March count.");

            // The same period again is a correction: the page asks for a reason next to its field, and stores nothing without one.
            await page.GetByLabel("Period", new() { Exact = true }).FillAsync("2024");
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("84.5");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }).ClickAsync();
            await Expect(page.Locator("#reason-error")).ToContainTextAsync("give a reason to correct it");
            await Expect(page.GetByLabel("Reason for the correction", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(Row(ValuesTable(page), "2024 84.2 %")).ToBeVisibleAsync();
            await page.GetByLabel("Reason for the correction", new() { Exact = true }).FillAsync("The March count missed two estates.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The value is corrected.");
            await Expect(Row(ValuesTable(page), "2024 84.5 %")).ToBeVisibleAsync();

            // A value for a group.
            await page.GetByLabel("Period", new() { Exact = true }).FillAsync("2024");
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("86");
            await page.GetByLabel("Dimension", new() { Exact = true }).SelectOptionAsync("district");
            await page.GetByLabel("Group", new() { Exact = true }).FillAsync("Tang Hall");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The value is recorded.");
            await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Every value recorded" }).GetByRole(AriaRole.Row, new() { Name = "2024 District: Tang Hall 86 %" }))
                .ToBeVisibleAsync();
        });

        var values = (await browser.SeriesAsync(code)).GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(2, values.Count);
        var headline = values.Single(v => v.GetProperty("disaggregation").EnumerateObject().Any() is false);
        Assert.Equal(("2024", 84.5, "The March count missed two estates."),
            (headline.GetProperty("period").GetString(), headline.GetProperty("value").GetDouble(), headline.GetProperty("correctionReason").GetString()));
        var district = values.Single(v => v.GetProperty("disaggregation").EnumerateObject().Any());
        Assert.Equal("Tang Hall", district.GetProperty("disaggregation").GetProperty("district").GetString());
    }

    [Fact]
    public async Task A_value_out_of_range_shows_its_error_next_to_the_field_and_stores_nothing()
    {
        using var api = new BrowserApi(browser);
        var (email, token) = await browser.OfficialAsync(api);
        var code = await api.AdoptHousingIndicatorAsync(token);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/indicators/{code}");
            await page.GetByLabel("Period", new() { Exact = true }).FillAsync("2023");
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("150");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }).ClickAsync();
            await Expect(page.Locator("#value-error")).ToHaveTextAsync("A percentage is between 0 and 100.");
            await Expect(page.GetByLabel("Value", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.GetByLabel("Value", new() { Exact = true })).ToHaveValueAsync("150"); // what was typed stays
            await Expect(page.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "A percentage is between 0 and 100." }))
                .ToHaveAttributeAsync("href", "#value");
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
            await Expect(ValuesTable(page).GetByRole(AriaRole.Row)).ToHaveCountAsync(2); // header and baseline only

            // Not a number at all: said so, not "a value is required".
            await page.GetByLabel("Value", new() { Exact = true }).FillAsync("lots");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the value" }).ClickAsync();
            await Expect(page.Locator("#value-error")).ToHaveTextAsync("Write the value as a number, such as 12.5.");
        }, javaScript: false);

        Assert.Empty((await browser.SeriesAsync(code)).GetProperty("values").EnumerateArray());
    }

    [Fact]
    public async Task An_official_imports_an_Open_SDG_file_and_sees_the_confirmation_and_the_values()
    {
        using var api = new BrowserApi(browser);
        var (email, token) = await browser.OfficialAsync(api);
        var code = await api.AdoptHousingIndicatorAsync(token);
        const string csv = "Year,Sex,Value\n2020,,83.1\n2021,,84.4\n2021,female,85.2\n2021,male,83.6\n";

        await browser.RunAsync(async page =>
        {
            var posts = new List<bool>(); // one per post of the import form: sent by the progress script?
            page.Request += (_, request) =>
            {
                if (request.Method == "POST" && request.Url.EndsWith("/import")) posts.Add(request.Headers.ContainsKey("x-requested-with"));
            };
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/indicators/{code}");
            await page.GetByRole(AriaRole.Link, new() { Name = "Import a file of values (Open SDG CSV)" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/indicators/{code}/import$"));
            await page.GetByLabel("CSV file", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "housing-2020-2021.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await page.GetByLabel("Method note (optional)", new() { Exact = true }).FillAsync("Census estimate.");
            // Hold the answer a moment, so the page can be seen while the server "checks" the file.
            await page.RouteAsync("**/import", async route => { await Task.Delay(1500); await route.ContinueAsync(); });
            await Expect(page.GetByRole(AriaRole.Progressbar)).ToBeHiddenAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Progressbar, new() { Name = "Upload" })).ToBeVisibleAsync();
            await Expect(page.Locator("#upload-status")).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(page.Locator("#upload-status")).ToHaveTextAsync(new Regex("^Sending the file: \\d+ %$|^The file is sent; checking its rows…$"));

            // The script sent it (the progress element showed), then the page of the series says how many rows came in.
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/indicators/{code}$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The file is imported: 4 values recorded, 0 unchanged.");
            await Expect(Row(ValuesTable(page), "2020 83.1 %")).ToBeVisibleAsync();
            await Expect(Row(ValuesTable(page), "2021 84.4 %")).ToBeVisibleAsync();
            await Expect(Row(page.GetByRole(AriaRole.Table, new() { Name = "By Sex, 2021" }), "female 85.2 % +0.8")).ToBeVisibleAsync();
            Assert.Equal([true], posts); // by the script, with no fallback post after it
        });

        var values = (await browser.SeriesAsync(code)).GetProperty("values").EnumerateArray().ToList();
        Assert.Equal(4, values.Count);
        Assert.All(values, v => Assert.Equal("Census estimate.", v.GetProperty("methodNote").GetString()));
    }

    [Fact]
    public async Task A_malformed_file_shows_the_row_by_row_report_and_stores_nothing()
    {
        using var api = new BrowserApi(browser);
        var (email, token) = await browser.OfficialAsync(api);
        var code = await api.AdoptHousingIndicatorAsync(token);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/indicators/{code}/import");
            // No file: the field says so.
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            await Expect(page.Locator("#file-error")).ToHaveTextAsync("Choose a CSV file to import.");

            // Without a Value column the file is not in the layout at all.
            await page.GetByLabel("CSV file", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "no-value.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Year,Sex\n2020,\n") });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            var report = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Problems in no-value.csv: ") });
            await Expect(report).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The file is not in the Open SDG layout.");

            // Rows that break the rules: each with its line and column.
            const string csv = "Year,Sex,Value\n2020,,150\n2021,,84\n2031,,85\n";
            await page.GetByLabel("CSV file", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "rows.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import the file" }).ClickAsync();
            report = page.GetByRole(AriaRole.Table, new() { NameRegex = new Regex("^Problems in rows.csv: ") });
            await Expect(report).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Some rows cannot be imported; nothing was stored.");
            await Expect(report.GetByRole(AriaRole.Row, new() { Name = "2 Value A percentage is between 0 and 100.", Exact = true })).ToBeVisibleAsync();
            await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("^4\\s*Year") })).ToContainTextAsync("has not begun");
            await Expect(report.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new Regex("^3\\s") })).ToHaveCountAsync(0); // line 3 is fine
        }, javaScript: false);

        Assert.Empty((await browser.SeriesAsync(code)).GetProperty("values").EnumerateArray());
    }
}
