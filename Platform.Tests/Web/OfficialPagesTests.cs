
namespace Platform.Tests.Web;

/// <summary>
/// Officials' pages: publishing and reporting on commitments, drafting and opening consultations, running
/// town halls. What they write is checked where residents see it (the public pages) and through the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficialPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_official_publishes_a_commitment_and_reports_progress_that_the_public_page_shows()
    {
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var title = $"Step-free access at every route 6 stop {Guid.NewGuid():N}";
        const string evidence = "https://www.york.gov.uk/route-6/stops-done";
        var id = Guid.Empty;
        // The concern it answers, raised by a resident.
        var residentPage = await browser.NewPageAsync();
        await residentPage.SignInAsync((await browser.AccountAsync("york")).Email);
        var concern = await residentPage.RaiseConcernAsync("york", $"No shelter at the Tang Hall stop {Guid.NewGuid():N}");
        await residentPage.Context.CloseAsync();

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/commitments");
            await page.GetByRole(AriaRole.Link, new() { Name = "Publish a commitment" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Description (optional)").FillAsync("Raised kerbs and shelters at the 14 stops.");
            await page.GetByLabel("Freedom of movement and accessible mobility", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Indicator codes (optional)").FillAsync("IND-002");
            await page.GetByLabel("Department").FillAsync("Transport");
            await page.GetByLabel("Due date").FillAsync(CommitmentApi.InDays(300));
            await page.GetByLabel("Budget (optional)").FillAsync("250000");
            await page.GetByLabel("Concerns it answers (optional)").FillAsync($"{browser.BaseAddress}cities/york/concerns/{concern}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish the commitment" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The commitment is published");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            id = ResidentPages.IdInUrl(page);

            await page.GetByLabel("Progress in percent").FillAsync("40");
            await page.Locator("#progress-note").FillAsync("Six stops done.");
            await page.GetByLabel("Evidence link (optional)").FillAsync(evidence);
            await page.GetByRole(AriaRole.Button, new() { Name = "Report the progress" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The progress is reported");
        }, javaScript: false);

        // A visitor who is not signed in sees the progress and the timeline entry with its evidence, and no officials' forms.
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/commitments/{id}");
            await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Progress" })).ToContainTextAsync("40.0%");
            var entry = page.Locator("ol.timeline li").Filter(new() { HasText = "Progress reported" });
            await Expect(entry).ToContainTextAsync("Six stops done.");
            await Expect(entry.GetByRole(AriaRole.Link, new() { Name = "Evidence" })).ToHaveAttributeAsync("href", evidence);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Report the progress" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "A concern" })).ToHaveAttributeAsync("href", $"/cities/york/concerns/{concern}");
        });

        using var api = await browser.ApiClientAsync(official);
        var stored = await api.GetFromJsonAsync<JsonElement>($"/api/cities/york/commitments/{id}");
        Assert.Equal(40, stored.GetProperty("reportedPercent").GetInt32());
        Assert.Equal("Transport", stored.GetProperty("department").GetString());
        Assert.Equal(250000m, stored.GetProperty("budget").GetDecimal());
        Assert.Equal(concern, Assert.Single(stored.GetProperty("origins").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("IND-002", Assert.Single(stored.GetProperty("indicatorCodes").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_refused_publish_shows_errors_next_to_the_fields_and_stores_nothing()
    {
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var department = $"Highways {Guid.NewGuid():N}";
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/commitments/new");
            await page.GetByLabel("Adequate housing", new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Department").FillAsync(department);
            await page.GetByLabel("Due date").FillAsync(CommitmentApi.InDays(-3));
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish the commitment" }).ClickAsync();

            await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
            await Expect(page.Locator("#title-error")).ToHaveTextAsync("The title is required.");
            await Expect(page.GetByLabel("Title")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#dueDate-error")).ToHaveTextAsync("The due date cannot lie in the past.");
            var summary = page.GetByRole(AriaRole.Alert);
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The title is required." })).ToHaveAttributeAsync("href", "#title");
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The due date cannot lie in the past." })).ToHaveAttributeAsync("href", "#dueDate");
            // What was written stays in the form.
            await Expect(page.GetByLabel("Department")).ToHaveValueAsync(department);
            await Expect(page.GetByLabel("Adequate housing", new() { Exact = true })).ToBeCheckedAsync();
        }, javaScript: false);

        using var api = await browser.ApiClientAsync(official);
        var list = await api.GetFromJsonAsync<JsonElement>($"/api/cities/york/commitments?department={Uri.EscapeDataString(department)}");
        Assert.Equal(0, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_official_drafts_and_opens_a_consultation_that_a_resident_then_answers()
    {
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var title = $"Night buses in York {Guid.NewGuid():N}";
        var id = Guid.Empty;
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/consultations");
            await page.GetByRole(AriaRole.Link, new() { Name = "Draft a consultation" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Description (optional)").FillAsync("Which routes should run after ten?");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The consultation is drafted");
            id = ResidentPages.IdInUrl(page);

            var first = page.GetByRole(AriaRole.Group, new() { Name = "Question 1" });
            await first.GetByLabel("Kind of question").SelectOptionAsync(new SelectOptionValue { Label = "Single choice" });
            await first.GetByLabel("Question", new() { Exact = true }).FillAsync("Which route first?");
            await first.GetByLabel("Options, one per line").FillAsync("Route 6\nRoute 10\nRoute 59");
            var second = page.GetByRole(AriaRole.Group, new() { Name = "Question 2" });
            await second.GetByLabel("Kind of question").SelectOptionAsync(new SelectOptionValue { Label = "Scale from 1 to 5" });
            await second.GetByLabel("Question", new() { Exact = true }).FillAsync("How much do you need it?");
            await page.GetByLabel("Closes at the end of").FillAsync(CommitmentApi.InDays(14));
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The consultation is open");
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync("Open");
        }, javaScript: false);

        var (_, resident) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync($"/cities/york/consultations/{id}");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open the consultation" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Group, new() { Name = "Which route first?" }).GetByLabel("Route 10").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "How much do you need it?" }).GetByLabel("5").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers are recorded");
        }, javaScript: false);

        // The official's page shows the results while the consultation runs, without the answers of a group under five.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(official);
            await page.GotoAsync($"/cities/york/consultations/{id}");
            var results = page.GetByRole(AriaRole.Region, new() { Name = "Results" });
            await Expect(results).ToContainTextAsync("Residents who answered: 1");
            await Expect(results).ToContainTextAsync("The answers are shown once at least 5 residents have answered");
            await Expect(results).Not.ToContainTextAsync("Route 10");
            await Expect(results).Not.ToContainTextAsync("Average");
        });
    }

    [Fact]
    public async Task An_official_runs_a_town_hall_poll_and_the_page_shows_the_final_tally()
    {
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var title = $"Getting around after dark {Guid.NewGuid():N}";
        const string question = "What should come first?";
        var id = Guid.Empty;
        using var api = new BrowserApi(browser);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/town-halls");
            await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a town hall" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Starts at").FillAsync(DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm"));
            await page.GetByLabel("Place (optional)").FillAsync("Tang Hall community centre");
            await page.GetByRole(AriaRole.Button, new() { Name = "Schedule the town hall" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The town hall is scheduled");
            id = ResidentPages.IdInUrl(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "Open the town hall" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The town hall is open");
            await page.GetByLabel("Question", new() { Exact = true }).FillAsync(question);
            await page.GetByLabel("Options, one per line").FillAsync("Night buses\nSafer crossings");
            await page.GetByRole(AriaRole.Button, new() { Name = "Open the poll" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The poll is open");

            // A resident votes through the API, in another room.
            var state = await (await browser.ApiClientAsync(official)).GetFromJsonAsync<JsonElement>($"/api/cities/york/town-halls/{id}");
            var poll = state.GetProperty("currentPoll").GetProperty("id").GetGuid();
            var (_, resident) = await browser.AccountAsync("york");
            await api.PostAsync(await api.TokenAsync(resident), $"/api/cities/york/town-halls/{id}/polls/{poll}/votes", new { option = 1 });

            await page.GetByRole(AriaRole.Button, new() { Name = "Close the poll" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The poll is closed");
            var tally = page.GetByRole(AriaRole.Table, new() { Name = question });
            await Expect(tally.GetByRole(AriaRole.Row, new() { Name = "Safer crossings" }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("1");
            await Expect(tally.GetByRole(AriaRole.Row, new() { Name = "Night buses" }).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("0");
            // With the poll closed, the next one can be opened.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Open the poll" })).ToBeVisibleAsync();

            await page.GetByLabel("Minutes").FillAsync("Night buses on route 6 from March.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Close the town hall" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The town hall is closed");
            await Expect(page.Locator("main")).ToContainTextAsync("Night buses on route 6 from March.");
        }, javaScript: false);

        var stored = await (await browser.ApiClientAsync(official)).GetFromJsonAsync<JsonElement>($"/api/cities/york/town-halls/{id}");
        Assert.Equal("closed", stored.GetProperty("status").GetString());
        Assert.Equal(1, stored.GetProperty("pastPolls")[0].GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_resident_is_refused_the_officials_pages()
    {
        var (_, resident) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync("/cities/york/commitments");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Publish a commitment" })).ToHaveCountAsync(0);
            await page.GotoAsync("/cities/york/commitments/new");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/forbidden"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
            await page.GotoAsync("/cities/york/town-halls/new");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/forbidden"));
        });
    }
}
