using Platform.Api.Notifications;

namespace Platform.Api.Demo;

/// <summary>
/// Email settings of two demo residents, so the settings page shows choices other than the defaults: York's resident
/// takes commitment news in a weekly digest and opted into town halls; Utrecht's reads Dutch and wants answers in a daily digest.
/// </summary>
public static class DemoNotificationSettings
{
    public static async Task SeedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var york = await session.Query<Account>().SingleAsync(a => a.Email == "resident@york.demo", cancellation);
        var utrecht = await session.Query<Account>().SingleAsync(a => a.Email == "resident@utrecht.demo", cancellation);
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
}
