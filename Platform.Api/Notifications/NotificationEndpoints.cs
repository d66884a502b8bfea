namespace Platform.Api.Notifications;

/// <summary>The signed-in person's notices and opt-in settings (<c>/api/accounts/me/notifications</c>); the inbox page's twin.</summary>
public static class NotificationEndpoints
{
    /// <summary>The person's notices, newest first (<c>page</c> from 1, <c>pageSize</c> up to 100, <c>unread=true</c> for unread ones only), with the unread count.</summary>
    [WolverineGet("/api/accounts/me/notifications", OperationId = "listMyNotifications")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> List(int? page, int? pageSize, bool? unread, ClaimsPrincipal user, NoticeInbox inbox, CancellationToken cancellation)
    {
        var (number, size) = (page ?? 1, pageSize ?? NoticeInbox.DefaultPageSize);
        if (NoticeInbox.Check(number, size) is { Count: > 0 } errors) return Problems.Result(errors);
        return Results.Ok(await inbox.ListAsync(user.AccountId(), number, size, unread ?? false, cancellation));
    }

    /// <summary>Marks one of the person's notices read; another person's notice is 404.</summary>
    [WolverinePost("/api/accounts/me/notifications/{id}/read", OperationId = "markMyNotificationRead")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> MarkRead(Guid id, ClaimsPrincipal user, NoticeInbox inbox, CancellationToken cancellation) =>
        await inbox.MarkReadAsync(user.AccountId(), id, cancellation) is { } read ? Results.Ok(read) : Problems.NotFound("notification");

    /// <summary>Marks every notice of the person read.</summary>
    [WolverinePost("/api/accounts/me/notifications/read", OperationId = "markAllMyNotificationsRead")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> MarkAllRead(ClaimsPrincipal user, NoticeInbox inbox, CancellationToken cancellation) =>
        Results.Ok(await inbox.MarkAllReadAsync(user.AccountId(), cancellation));
}
