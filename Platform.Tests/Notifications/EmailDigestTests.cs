using Platform.Api.Notifications;

namespace Platform.Tests.Notifications;

/// <summary>Digests and the officials' daily list, against a real SMTP server; the clock moved instead of waiting a day.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailDigestTests(EmailFixture app)
{
    /// <summary>A day of its own per test run, so that runs of other tests and earlier runs do not count.</summary>
    private static DateOnly FreshDay() => new(2100 + Random.Shared.Next(0, 800), 1 + Random.Shared.Next(0, 12), 1 + Random.Shared.Next(0, 28));

    [Fact]
    public async Task A_daily_digest_waits_then_lists_every_waiting_notice_in_one_email_once()
    {
        var (person, address) = await app.PersonAsync("fr");
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { email = new Dictionary<string, string> { ["concernAnswered"] = "dailyDigest", ["commitmentProgress"] = "weeklyDigest" } })
                .ToUrl("/api/accounts/me/notifications/settings");
            x.As(person);
        });
        await app.RaiseAsync(person.Id, NoticeKind.ConcernAnswered, "Banc cassé");
        await app.RaiseAsync(person.Id, NoticeKind.ConcernAnswered, "Fontaine à sec");
        await app.RaiseAsync(person.Id, NoticeKind.CommitmentProgress, "Piste cyclable");
        Assert.Empty(await app.SettledAsync(address)); // nothing at once

        var day = FreshDay();
        await app.InvokeAsync(new SendDigests(EmailDelivery.DailyDigest, day));
        await app.InvokeAsync(new SendDigests(EmailDelivery.DailyDigest, day)); // the same run again: nothing more
        var daily = Assert.Single(await app.SettledAsync(address, 1, seconds: 1));
        Assert.Equal("Votre résumé du jour : 2 nouvelles", daily.Subject);
        Assert.Contains("Banc cassé", daily.TextBody);
        Assert.Contains("Fontaine à sec", daily.TextBody);
        Assert.DoesNotContain("Piste cyclable", daily.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", daily.Headers["List-Unsubscribe-Post"]);

        // The next day's digest has nothing left for them; the weekly one carries the rest.
        await app.InvokeAsync(new SendDigests(EmailDelivery.DailyDigest, day.AddDays(1)));
        await app.InvokeAsync(new SendDigests(EmailDelivery.WeeklyDigest, day));
        var all = await app.SettledAsync(address, 2, seconds: 1);
        Assert.Equal(2, all.Count);
        Assert.Equal("Votre résumé de la semaine : 1 nouvelles", all[1].Subject);
        Assert.Contains("Piste cyclable", all[1].TextBody);
    }

    [Fact]
    public async Task Runs_are_scheduled_at_the_hour_daily_and_on_mondays_weekly_in_the_configured_zone()
    {
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var sundayEvening = new DateTimeOffset(2026, 3, 28, 20, 0, 0, TimeSpan.FromHours(1)); // Saturday; the clocks go forward that night
        var (day, at) = EmailSchedule.Next(sundayEvening, brussels, 7, weekly: false);
        Assert.Equal(new DateOnly(2026, 3, 29), day);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.FromHours(2)), at);
        (day, at) = EmailSchedule.Next(sundayEvening, brussels, 7, weekly: true);
        Assert.Equal(new DateOnly(2026, 3, 30), day);
        Assert.Equal(DayOfWeek.Monday, day.DayOfWeek);
        // Just before the hour: today's run; just after: tomorrow's.
        Assert.Equal(new DateOnly(2026, 3, 30), EmailSchedule.Next(new DateTimeOffset(2026, 3, 30, 6, 59, 0, TimeSpan.FromHours(2)), brussels, 7, false).Day);
        Assert.Equal(new DateOnly(2026, 3, 31), EmailSchedule.Next(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.FromHours(2)), brussels, 7, false).Day);

        // The platform's clock moved a week on: the next run is after it.
        app.Clock.Offset = TimeSpan.FromDays(7);
        try
        {
            var schedule = app.Host.Services.GetRequiredService<EmailSchedule>();
            var next = EmailSchedule.Next(app.Clock.GetUtcNow(), schedule.Zone, 7, weekly: false);
            Assert.InRange(next.At - app.Clock.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromDays(1));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Each_official_gets_one_daily_list_of_concerns_nearing_or_past_their_deadline_once()
    {
        // A city of its own: the shared test database holds many concerns and officials of the demo cities.
        var city = await NewCityAsync();
        var (official, address) = await app.PersonAsync("fr", city, CityRole.Official);
        await app.RaiseAsync(city, ConcernApi.ValidBody("Trottoir impraticable rue Haute"));
        var day = FreshDay();

        // Raised now, answered within the city's 30 days: not on today's list.
        await app.InvokeAsync(new SendDeadlinesLists(day, city));
        Assert.DoesNotContain(await app.Mail.WaitForAsync(address, wait: TimeSpan.FromSeconds(2)), m => m.TextBody!.Contains("Trottoir impraticable rue Haute"));

        // 28 days later it is due within three days.
        app.Clock.Offset = TimeSpan.FromDays(28);
        try
        {
            var later = day.AddDays(28);
            await app.InvokeAsync(new SendDeadlinesLists(later, city));
            await app.InvokeAsync(new SendDeadlinesLists(later, city)); // the same run twice: one list
            await app.Mail.WaitForAsync(address, 1, TimeSpan.FromSeconds(30));
            var list = Assert.Single(await app.SettledAsync(address, 1, seconds: 2), m => m.TextBody!.Contains("Trottoir impraticable rue Haute"));
            Assert.StartsWith("Échéances à surveiller : ", list.Subject);
            Assert.Contains("Préoccupation « Trottoir impraticable rue Haute » : échéance le", list.TextBody);
            Assert.Contains($"{EmailFixture.PublicUrl}/cities/{city}/council", list.TextBody);

            await using var session = app.Store.QuerySession();
            var notice = await session.LoadAsync<Notice>(EmailIds.DeadlinesList(city, later, official.Id));
            Assert.NotNull(notice);
            Assert.Equal(NoticeKind.DeadlinesList, notice.Kind);
            Assert.Equal(1, await session.Query<Notice>().CountAsync(n => n.AccountId == official.Id));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task A_city_with_nothing_due_sends_its_officials_nothing()
    {
        var slug = await NewCityAsync();
        var (official, address) = await app.PersonAsync("en", slug, CityRole.Official);
        await app.InvokeAsync(new SendDeadlinesLists(FreshDay(), slug));
        Assert.Empty(await app.SettledAsync(address, seconds: 2));
        await using var query = app.Store.QuerySession();
        Assert.Equal(0, await query.Query<Notice>().CountAsync(n => n.AccountId == official.Id));
    }

    private async Task<string> NewCityAsync()
    {
        var slug = $"e{Guid.NewGuid():N}"[..16];
        await using var session = app.Store.LightweightSession();
        session.Store(new Platform.Api.Cities.City { Id = slug, Names = new() { ["en"] = "Quietville", ["fr"] = "Villecalme" }, Languages = ["en", "fr"], TimeZone = "Europe/Paris" });
        await session.SaveChangesAsync();
        return slug;
    }
}
