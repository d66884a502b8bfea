
namespace Platform.Tests.Web;

/// <summary>
/// The officials' pages: the council's work queue, the council's forms on the concern page (acknowledge,
/// answer, decline) and on the proposal page (accept into a new commitment). Each in a fresh city, so its
/// queue holds only what the test put there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_official_finds_a_fresh_concern_in_the_queue_acknowledges_and_answers_it_and_the_public_sees_the_answer()
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        var title = $"Blocked ramp at the health centre {Guid.NewGuid():N}";
        var id = await scene.RaiseConcernAsync(title);
        var answer = "The ramp was cleared on Monday and the contractor is fined for every further day.";

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/concerns");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of Councilton" }).GetByRole(AriaRole.Link, new() { Name = "Council" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/{scene.City}/council$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Council work queue of Councilton");

            var concerns = page.GetByRole(AriaRole.List, new() { Name = "Concerns awaiting the council: 1" });
            var item = concerns.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
            await Expect(item).ToContainTextAsync("Open");
            await Expect(item).ToContainTextAsync("Supports: 0");
            await Expect(item).ToContainTextAsync("Not taken up yet: an answer is expected by");
            await item.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/{scene.City}/concerns/{id}$"));

            // Acknowledge: the due date follows from the city's 30 days.
            await page.GetByLabel("Department that takes it up").FillAsync("Public health");
            await page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the concern" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The concern is acknowledged");
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync("Acknowledged");
            await Expect(page.GetByText("Taken up by Public health.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the concern" })).ToHaveCountAsync(0);

            // The queue now shows its due date.
            await page.GotoAsync($"/cities/{scene.City}/council");
            var acknowledged = page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
            await Expect(acknowledged).ToContainTextAsync("Acknowledged");
            await Expect(acknowledged).ToContainTextAsync("Answer due by");
            await Expect(acknowledged).ToContainTextAsync("Taken up by Public health.");
            await acknowledged.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

            await page.GetByLabel("The council's answer").FillAsync(answer);
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish the answer" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The council's answer is published.");
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync("Answered");
            // Answered: no more answering or declining, resolving still possible.
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish the answer" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Decline the concern" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Mark the concern resolved" })).ToBeVisibleAsync();

            // Answered concerns leave the queue.
            await page.GotoAsync($"/cities/{scene.City}/council");
            await Expect(page.GetByText("No concern awaits the council.")).ToBeVisibleAsync();
        });

        // An anonymous visitor reads the answer, and sees none of the council's forms.
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/{scene.City}/concerns/{id}");
            await Expect(page.Locator(".answer")).ToContainTextAsync(answer);
            await Expect(page.GetByText("Taken up by Public health.")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "For the council" })).ToHaveCountAsync(0);
            await Expect(page.Locator("form textarea, form input[type=text]")).ToHaveCountAsync(0);
        });

        // And the API stores it so.
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var stored = await http.GetFromJsonAsync<JsonElement>($"/api/cities/{scene.City}/concerns/{id}");
        Assert.Equal("answered", stored.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal(answer, stored.GetProperty("answer").GetString());
        Assert.Equal("Public health", stored.GetProperty("department").GetString());
    }

    [Fact]
    public async Task Declining_with_an_empty_reason_shows_the_error_next_to_the_field_and_stores_nothing()
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        var id = await scene.RaiseConcernAsync($"Streetlights out on Bootham {Guid.NewGuid():N}");
        var eventsBefore = await EventCountAsync(scene.City, id);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/concerns/{id}");
            await page.GetByLabel("Why the council declines it").FillAsync("   ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Decline the concern" }).ClickAsync();

            await Expect(page.Locator("#decline-reason-error")).ToHaveTextAsync("The reason is required.");
            await Expect(page.Locator("#decline-reason")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page.Locator("#decline-reason")).ToHaveAttributeAsync("aria-describedby", new Regex("decline-reason-error"));
            var summary = page.GetByRole(AriaRole.Alert);
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "The reason is required." })).ToHaveAttributeAsync("href", "#decline-reason");
            await Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
            // The other forms carry no error.
            await Expect(page.Locator("#department-error, #answer-error, #resolve-note-error")).ToHaveCountAsync(0);
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync("Open");
        }, javaScript: false);

        Assert.Equal(eventsBefore, await EventCountAsync(scene.City, id));
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var stored = await http.GetFromJsonAsync<JsonElement>($"/api/cities/{scene.City}/concerns/{id}");
        Assert.Equal("open", stored.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("declineReason").ValueKind);
    }

    [Fact]
    public async Task A_resident_gets_the_forbidden_page_on_the_council_queue_and_no_council_section()
    {
        using var scene = await CouncilScene.CreateAsync(browser);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Resident);
            await page.GotoAsync($"/cities/{scene.City}/concerns");
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of Councilton" }).GetByRole(AriaRole.Link, new() { Name = "Concerns" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of Councilton" }).GetByRole(AriaRole.Link, new() { Name = "Council" })).ToHaveCountAsync(0);

            await page.GotoAsync($"/cities/{scene.City}/council");
            await Expect(page).ToHaveURLAsync(new Regex("/forbidden"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed");
        });

        // An official of another city is refused too.
        var (_, yorkOfficial) = await browser.AccountAsync("york", Platform.Domain.Accounts.CityRole.Official);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(yorkOfficial);
            await page.GotoAsync($"/cities/{scene.City}/council");
            await Expect(page).ToHaveURLAsync(new Regex("/forbidden"));
        });
    }

    [Fact]
    public async Task An_official_accepts_a_proposal_past_its_threshold_into_a_new_commitment_and_the_page_shows_the_decision()
    {
        using var scene = await CouncilScene.CreateAsync(browser, threshold: 1);
        var title = $"Open school playgrounds after hours {Guid.NewGuid():N}";
        var id = await scene.ProposalPastThresholdAsync(title);
        var decision = "Accepted: six school playgrounds open until 19:00 from the spring term.";
        var due = DateTime.UtcNow.AddMonths(8).ToString("yyyy-MM-dd");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/council");
            var proposals = page.GetByRole(AriaRole.List, new() { Name = "Proposals awaiting a decision: 1" });
            var item = proposals.GetByRole(AriaRole.Listitem).Filter(new() { HasText = title });
            await Expect(item).ToContainTextAsync("Supports: 1 of 1");
            await Expect(item).ToContainTextAsync("Decision due by");
            await item.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/{scene.City}/proposals/{id}$"));

            // Without a title the commitment is refused next to its field, and the proposal stays undecided.
            await page.GetByLabel("What the council decides").FillAsync(decision);
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept the proposal" }).ClickAsync();
            await Expect(page.Locator("#commitment-title-error")).ToHaveTextAsync("The title is required.");
            await Expect(page.Locator("#commitment-dueDate-error")).ToHaveTextAsync("Say by when the commitment is due (yyyy-mm-dd).");
            await Expect(page.GetByLabel("What the council decides")).ToHaveValueAsync(decision);

            await page.GetByLabel("Title of the commitment").FillAsync("Open six school playgrounds after hours");
            await page.GetByLabel("Due date").FillAsync(due);
            await page.GetByLabel("Department responsible").FillAsync("Education");
            await page.GetByRole(AriaRole.Button, new() { Name = "Accept the proposal" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The proposal is accepted");
            await Expect(page.Locator(".meta .status")).ToHaveTextAsync("Accepted");
            await Expect(page.Locator(".answer")).ToHaveTextAsync(decision);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Accept the proposal" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = "Open six school playgrounds after hours" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/{scene.City}/commitments/[0-9a-f-]{{36}}$"));

            // Decided proposals leave the queue.
            await page.GotoAsync($"/cities/{scene.City}/council");
            await Expect(page.GetByText("No proposal awaits a decision.")).ToBeVisibleAsync();
        });

        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var stored = await http.GetFromJsonAsync<JsonElement>($"/api/cities/{scene.City}/proposals/{id}");
        Assert.Equal("accepted", stored.GetProperty("status").GetString(), ignoreCase: true);
        Assert.Equal(decision, stored.GetProperty("decision").GetString());
        var commitment = await http.GetFromJsonAsync<JsonElement>($"/api/cities/{scene.City}/commitments/{stored.GetProperty("commitmentId").GetGuid()}");
        Assert.Equal("Education", commitment.GetProperty("department").GetString());
        Assert.Equal(due, commitment.GetProperty("dueDate").GetString());
    }

    [Theory]
    [InlineData(0, 60, "Overdue", null)]
    [InlineData(5, 3, "Due within 7 days", "Due within 7 days")]
    [InlineData(30, 60, null, null)]
    public async Task The_queue_says_in_words_which_deadlines_are_past_or_near(int responseDays, int decisionDays, string? concernMarker, string? proposalMarker)
    {
        using var scene = await CouncilScene.CreateAsync(browser, threshold: 1, responseDays: responseDays, decisionDays: decisionDays);
        var open = await scene.RaiseConcernAsync($"Open concern {Guid.NewGuid():N}");
        var taken = await scene.RaiseConcernAsync($"Acknowledged concern {Guid.NewGuid():N}");
        await scene.Api.PostAsync(await scene.Api.TokenAsync(scene.Official), $"/api/cities/{scene.City}/concerns/{taken}/acknowledgement", new { department = "Roads" });
        var proposal = await scene.ProposalPastThresholdAsync($"Proposal {Guid.NewGuid():N}");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/council");
            foreach (var (id, marker) in new[] { (open, concernMarker), (taken, concernMarker), (proposal, proposalMarker) })
            {
                var item = page.GetByRole(AriaRole.Listitem).Filter(new() { Has = page.Locator($"a[href$='{id}']") });
                await Expect(item).ToHaveCountAsync(1);
                if (marker is null) await Expect(item.Locator(".urgency")).ToHaveCountAsync(0);
                else await Expect(item.Locator(".urgency")).ToHaveTextAsync(marker);
            }
        });
    }

    private async Task<int> EventCountAsync(string city, Guid stream)
    {
        await using var session = browser.Store.QuerySession(city);
        return (await session.Events.FetchStreamAsync(stream)).Count;
    }
}
