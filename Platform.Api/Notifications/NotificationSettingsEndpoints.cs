namespace Platform.Api.Notifications;

/// <summary>
/// The signed-in person's notification settings: <c>{ "optedIn": [...], "email": { "&lt;kind&gt;": "atOnce|dailyDigest|weeklyDigest|never" } }</c>,
/// the HTTP face of <see cref="NotificationSettingsHandler"/>.
/// </summary>
public static class NotificationSettingsEndpoints
{
    [WolverineGet("/api/accounts/me/notifications/settings", OperationId = "getMyNotificationSettings")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Get(ClaimsPrincipal user, NotificationSettingsHandler handler, CancellationToken cancellation) =>
        Results.Ok(await handler.ReadAsync(user.AccountId(), cancellation));

    /// <summary>Replaces the parts given (<c>optedIn</c>, <c>email</c>); an unknown kind or delivery is a 400 naming it, and nothing changes.</summary>
    [WolverinePut("/api/accounts/me/notifications/settings", OperationId = "changeMyNotificationSettings")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Put(ChangeNotificationSettings command, ClaimsPrincipal user, NotificationSettingsHandler handler, CancellationToken cancellation)
    {
        var (settings, errors) = await handler.ChangeAsync(user.AccountId(), command, cancellation);
        return errors.Count > 0 ? Problems.Result(errors) : Results.Ok(settings);
    }
}
