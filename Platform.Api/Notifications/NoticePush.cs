using Microsoft.AspNetCore.SignalR;
using Wolverine.Runtime.Handlers;

namespace Platform.Api.Notifications;

/// <summary>
/// What follows a new notice, on the durable <see cref="NoticeRaised"/> after the notice committed: first it is pushed to
/// its person's live connections (every tab, every node: SignalR's user targeting goes through the Redis backplane when
/// there are several nodes) with their unread count, so the page header's count follows; then its email is settled as
/// the person chose (<see cref="NoticeEmailSender"/>). An SMTP server that fails is retried by Wolverine
/// (<see cref="EmailRetries"/>): the repeat pushes the same notice and count again, which a page shows the same way, and
/// sends no email twice.
/// </summary>
public static class NoticeRaisedHandler
{
    /// <summary>The hub method a signed-in page listens to.</summary>
    public const string Method = "Notice";

    public static void Configure(HandlerChain chain) => EmailRetries.Apply(chain);

    public static async Task Handle(NoticeRaised message, IDocumentStore store, NoticeInbox inbox, IHubContext<LiveHub> hub, NoticeEmailSender email,
        CancellationToken cancellation)
    {
        await using (var session = store.QuerySession())
        {
            if (await session.LoadAsync<Notice>(message.NoticeId, cancellation) is not { } notice) return; // erased with its person since
            var unread = await inbox.UnreadAsync(notice.AccountId, cancellation);
            await hub.Clients.User(notice.AccountId.ToString()).SendAsync(Method, new NoticePushed(NoticeInbox.Details(notice), unread), cancellation);
        }
        await email.SettleAsync(message.NoticeId, cancellation);
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
