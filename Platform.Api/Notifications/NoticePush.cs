using Microsoft.AspNetCore.SignalR;

namespace Platform.Api.Notifications;

/// <summary>
/// Pushes a new notice to its person's live connections (every tab, every node: SignalR's user targeting goes through the
/// Redis backplane when there are several nodes), with their unread count, so the page header's count follows. Runs on
/// the durable <see cref="NoticeRaised"/> after the notice committed; a repeat after a crash pushes the same notice and
/// count again, which a page shows the same way.
/// </summary>
public static class NoticeRaisedHandler
{
    /// <summary>The hub method a signed-in page listens to.</summary>
    public const string Method = "Notice";

    public static async Task Handle(NoticeRaised message, IDocumentStore store, NoticeInbox inbox, IHubContext<LiveHub> hub, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        if (await session.LoadAsync<Notice>(message.NoticeId, cancellation) is not { } notice) return; // erased with its person since
        var unread = await inbox.UnreadAsync(notice.AccountId, cancellation);
        await hub.Clients.User(notice.AccountId.ToString()).SendAsync(Method, new NoticePushed(NoticeInbox.Details(notice), unread), cancellation);
    }
}

/// <summary>What a live connection receives: the new notice and the person's unread count.</summary>
public sealed record NoticePushed(NoticeDetails Notice, int Unread);

/// <summary>SignalR's user of a signed-in connection is its account id (the platform's principals carry no name identifier).</summary>
public sealed class AccountUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User.FindFirstValue(PlatformClaims.AccountIdClaim);
}
