
namespace Platform.Tests.Notifications;

/// <summary>
/// The inbox page (<c>/notifications</c>) in a real browser: the header's unread count, the notices linked to their items,
/// mark read one by one and all at once, the opt-in settings, all without JavaScript and checked against the API; no axe
/// violations in the four languages (axe runs with JavaScript); and with JavaScript the header's count follows a new notice without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InboxPageTests(BrowserFixture browser)
{
    /// <summary>A resident's concern, taken up and answered by an official through the API: two notices for its author.</summary>
    private async Task<(string Email, Guid Concern, string Title, string Official)> ResidentWithTwoNoticesAsync(BrowserApi api)
    {
        var (_, email) = await browser.AccountAsync("york");
        var title = $"Lift out of order at the station {Guid.NewGuid():N}";
        var concern = (await api.PostAsync(await api.TokenAsync(email), "/api/cities/york/concerns", ConcernApi.ValidBody(title))).GetProperty("id").GetGuid();
        var official = await api.TokenAsync((await browser.AccountAsync("york", CityRole.Official)).Email);
        await api.PostAsync(official, $"/api/cities/york/concerns/{concern}/acknowledgement", new { department = "Transport" });
        await api.PostAsync(official, $"/api/cities/york/concerns/{concern}/answer", new { answer = "Repaired by Friday." });
        await UntilAsync(email, n => n.GetProperty("total").GetInt32() == 2);
        return (email, concern, title, official);
    }

    /// <summary>The person's notices through the API once <paramref name="done"/> holds; fails after the patience of <see cref="NoticeApi"/>.</summary>
    private async Task<JsonElement> UntilAsync(string email, Func<JsonElement, bool> done)
    {
        using var client = await browser.ApiClientAsync(email);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await client.GetFromJsonAsync<JsonElement>("/api/accounts/me/notifications");
            if (done(answer)) return answer;
            if (clock.Elapsed > NoticeApi.Patience) Assert.Fail($"The notices did not arrive: {answer}");
            await Task.Delay(200);
        }
    }

    private static ILocator HeaderCount(IPage page) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Notifications" });

    [Fact]
    public async Task Without_javascript_a_resident_reads_their_notices_marks_them_read_and_opts_in()
    {
        using var api = new BrowserApi(browser);
        var (email, concern, title, _) = await ResidentWithTwoNoticesAsync(api);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await Expect(HeaderCount(page)).ToContainTextAsync("(2 unread)");
            await HeaderCount(page).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/notifications$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Notifications");
            var items = page.Locator("ul.notices > li");
            await Expect(items).ToHaveCountAsync(2);
            await Expect(items.Nth(0)).ToContainTextAsync("The council answered a concern");
            await Expect(items.Nth(0)).ToContainTextAsync("Repaired by Friday.");
            await Expect(items.Nth(1)).ToContainTextAsync("The council took up a concern");

            // Mark the newest read: the confirmation, one unread left, in the page and the header.
            await items.Nth(0).GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The notification is marked as read.");
            await Expect(HeaderCount(page)).ToContainTextAsync("(1 unread)");
            await Expect(page.Locator("#notices-unread")).ToHaveTextAsync("Unread: 1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Mark all as read" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Every notification is marked as read.");
            await Expect(HeaderCount(page)).ToContainTextAsync("(0 unread)");

            // The item's link leads to the concern.
            await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/concerns/{concern}$"));

            // The inbox links to the settings, where the opt-in kinds are chosen.
            await page.GotoAsync("/notifications");
            await page.Locator("a[href='/account/notification-settings']").ClickAsync();
            await page.Locator("#optedIn-townHallScheduled").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save the settings" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your notification settings are saved.");
            await Expect(page.Locator("#optedIn-townHallScheduled")).ToBeCheckedAsync();
            await Expect(page.Locator("#optedIn-consultationOpened")).Not.ToBeCheckedAsync();
        }, javaScript: false);
        var answer = await UntilAsync(email, n => true);
        Assert.Equal(0, answer.GetProperty("unread").GetInt32());
        using var client = await browser.ApiClientAsync(email);
        var settings = await client.GetFromJsonAsync<JsonElement>("/api/accounts/me/notifications/settings");
        Assert.Equal(["townHallScheduled"], settings.GetProperty("optedIn").EnumerateArray().Select(k => k.GetString()));
    }

    [Theory]
    [InlineData("en", "Notifications", "The council answered a concern")]
    [InlineData("fr", "Notifications", "Le conseil a répondu à une préoccupation")]
    [InlineData("nl", "Meldingen", "De gemeente heeft een zorg beantwoord")]
    [InlineData("uk", "Сповіщення", "Рада відповіла на звернення")]
    public async Task The_inbox_speaks_the_residents_language_without_axe_violations(string language, string heading, string answered)
    {
        using var api = new BrowserApi(browser);
        var (email, _, _, _) = await ResidentWithTwoNoticesAsync(api);
        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/notifications");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(page.Locator("ul.notices > li").First).ToContainTextAsync(answered);
            await page.AuditAsync(language, "inbox", violations);
        }, language: language);
        Assert.Empty(violations);
    }

    [Fact]
    public async Task With_javascript_the_header_count_follows_a_new_notice_without_a_reload()
    {
        using var api = new BrowserApi(browser);
        var (email, concern, _, official) = await ResidentWithTwoNoticesAsync(api);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/notifications");
            await Expect(HeaderCount(page)).ToContainTextAsync("(2 unread)");
            await page.WaitForFunctionAsync("() => document.documentElement.dataset.notices === 'live'"); // the hub connection started
            await api.PostAsync(official, $"/api/cities/york/concerns/{concern}/resolution", new { note = "Lift repaired." });
            await Expect(HeaderCount(page)).ToContainTextAsync("(3 unread)", new() { Timeout = 20_000 });
            await Expect(page.Locator("#notices-unread")).ToHaveTextAsync("Unread: 2"); // the page itself was not reloaded
        });
    }
}
