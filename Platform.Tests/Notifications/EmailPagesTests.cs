using Platform.Api.Notifications;

namespace Platform.Tests.Notifications;

/// <summary>
/// The notification settings page and the unsubscribe page in a real browser (plain forms; the inbox test uses the settings
/// page without JavaScript), in two
/// languages, with no axe violation.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Notification settings", "In a daily summary", "A concern is answered", "A town hall is scheduled in my city", "Save the settings", "Your notification settings are saved.")]
    [InlineData("uk", "Налаштування сповіщень", "У щоденному підсумку", "На звернення надано відповідь", "У моєму місті заплановано громадські збори", "Зберегти налаштування", "Ваші налаштування сповіщень збережено.")]
    public async Task A_resident_chooses_digests_and_opts_in_from_the_settings_page(string language, string title, string daily,
        string answered, string townHall, string save, string saved)
    {
        var (id, email) = await browser.AccountAsync("york");
        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/account");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            await page.AuditAsync(language, "notification settings", violations);

            await page.GetByLabel(answered).SelectOptionAsync(new SelectOptionValue { Label = daily });
            await page.GetByRole(AriaRole.Checkbox, new() { Name = townHall, Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = save }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(saved);
            await Expect(page.GetByLabel(answered)).ToHaveValueAsync("dailyDigest");
            await Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = townHall, Exact = true })).ToBeCheckedAsync();
            await page.AuditAsync(language, "notification settings, saved", violations);
        }, language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        await using var session = browser.Store.QuerySession();
        var preferences = await session.LoadAsync<NotificationPreferences>(id);
        Assert.Equal(EmailDelivery.DailyDigest, preferences!.Email[NoticeKind.ConcernAnswered]);
        Assert.Equal([NoticeKind.TownHallScheduled], preferences.OptedIn);
    }

    [Theory]
    [InlineData("en", "A commitment is overdue", "Stop these emails", "Done: you will get no more emails about:")]
    [InlineData("fr", "Un engagement est en retard", "Ne plus recevoir ces courriels", "C’est fait : vous ne recevrez plus de courriels sur :")]
    public async Task The_unsubscribe_link_asks_first_then_stops_the_kind_without_signing_in(string language, string kind, string button, string done)
    {
        var (id, _) = await browser.AccountAsync("york");
        var token = browser.Services.GetRequiredService<UnsubscribeTokens>().For(id, [NoticeKind.CommitmentOverdue]);
        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/unsubscribe?token=" + Uri.EscapeDataString(token));
            await Expect(page.GetByRole(AriaRole.Listitem).GetByText(kind)).ToBeVisibleAsync();
            await page.AuditAsync(language, "unsubscribe", violations);
            await using (var before = browser.Store.QuerySession())
                Assert.Null(await before.LoadAsync<NotificationPreferences>(id)); // looking changes nothing

            await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
            await Expect(page.GetByText(done)).ToBeVisibleAsync();
            await page.AuditAsync(language, "unsubscribed", violations);

            await page.GotoAsync("/unsubscribe?token=" + Uri.EscapeDataString(token[..^4] + "AAAA"));
            await page.AuditAsync(language, "unsubscribe, link not valid", violations);
        }, language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        await using var session = browser.Store.QuerySession();
        Assert.Equal(EmailDelivery.Never, (await session.LoadAsync<NotificationPreferences>(id))!.Email[NoticeKind.CommitmentOverdue]);
    }
}
