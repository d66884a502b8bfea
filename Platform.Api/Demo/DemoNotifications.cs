using Platform.Api.Notifications;

namespace Platform.Api.Demo;

/// <summary>
/// The demo York resident opts in to consultations opened and town halls scheduled in their city, before the demo's
/// town hall is scheduled: the notice subscription then writes their notices from the demo's own events, as it would
/// for anyone (docs/notifications.md).
/// </summary>
public static class DemoNotifications
{
    public static async Task SeedAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var resident = await session.Query<Account>().SingleAsync(a => a.Email == "resident@york.demo", cancellation);
        session.Store(new NotificationPreferences { Id = resident.Id, OptedIn = [.. NoticeChange.OptInKinds] });
        await session.SaveChangesAsync(cancellation);
    }
}
