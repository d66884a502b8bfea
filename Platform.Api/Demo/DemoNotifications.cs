using Platform.Api.Notifications;

namespace Platform.Api.Demo;

/// <summary>
/// The demo's notification choices, in two steps around the demo's events. First York's resident opts in to
/// consultations opened and town halls scheduled in their city, before the demo's town hall is scheduled: the notice
/// subscription then writes their notices from the demo's own events, as it would for anyone (docs/notifications.md).
/// Last, two residents' email settings, so the settings page shows choices other than the defaults: York's resident
/// keeps only town halls opted in and takes commitment news in a weekly digest; Utrecht's reads Dutch and wants answers
/// in a daily digest.
/// </summary>
public static class DemoNotifications
{
    public static async Task OptInAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var resident = await ResidentAsync(session, "york", cancellation);
        session.Store(new NotificationPreferences { Id = resident.Id, OptedIn = [.. NoticeChange.OptInKinds] });
        await session.SaveChangesAsync(cancellation);
    }

    public static async Task ChooseEmailSettingsAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var york = await ResidentAsync(session, "york", cancellation);
        var utrecht = await ResidentAsync(session, "utrecht", cancellation);
        session.Store(new NotificationPreferences
        {
            Id = york.Id,
            OptedIn = [NoticeKind.TownHallScheduled],
            Email = new() { [NoticeKind.CommitmentProgress] = EmailDelivery.WeeklyDigest, [NoticeKind.CommitmentDeadlineChanged] = EmailDelivery.WeeklyDigest },
        });
        utrecht.PreferredLanguage = "nl";
        session.Store(utrecht);
        session.Store(new NotificationPreferences { Id = utrecht.Id, Email = new() { [NoticeKind.ConcernAnswered] = EmailDelivery.DailyDigest } });
        await session.SaveChangesAsync(cancellation);
    }

    private static Task<Account> ResidentAsync(IDocumentSession session, string city, CancellationToken cancellation) =>
        session.Query<Account>().SingleAsync(a => a.Email == $"resident@{city}.demo", cancellation);
}
