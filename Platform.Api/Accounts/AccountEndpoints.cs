
namespace Platform.Api.Accounts;

/// <summary>Register a resident account in a city of the network.</summary>
public sealed record RegisterAccount(string? Email, string? Password, string? DisplayName, string? City, string? Language);

/// <summary>Email and password, for a bearer token or a cookie.</summary>
public sealed record Credentials(string? Email, string? Password);

/// <summary>The account's password, confirming its erasure.</summary>
public sealed record ConfirmErasure(string? Password);

/// <summary>A new password, with the current one.</summary>
public sealed record ChangePassword(string? CurrentPassword, string? NewPassword);

/// <summary>An account as its owner sees it.</summary>
public sealed record AccountDetails(Guid Id, string Email, string DisplayName, bool IsNetworkAdministrator,
    IReadOnlyDictionary<string, List<CityRole>> Roles, string PreferredLanguage)
{
    /// <summary>When the email address was verified (null: not yet; see docs/accounts.md).</summary>
    public DateTimeOffset? EmailVerifiedAt { get; init; }
}

/// <summary>Registration, sign-in (bearer token for API clients, cookie for pages), and the caller's own account: the HTTP face of <see cref="AccountHandler"/>.</summary>
public static class AccountEndpoints
{
    [WolverinePost("/api/accounts", OperationId = "registerAccount")]
    [AllowAnonymous]
    public static Task<IResult> Register(RegisterAccount command, IDocumentSession session, IMessageBus bus, AccountHandler handler, CancellationToken cancellation) =>
        handler.RegisterAsync(command, session, cancellation, bus);

    /// <summary>A bearer token for API clients: <c>{ tokenType, accessToken, expiresIn }</c>.</summary>
    [WolverinePost("/api/accounts/token", OperationId = "issueToken")]
    [AllowAnonymous]
    public static Task<IResult> Token(Credentials credentials, HttpContext context, IQuerySession session, AccountHandler handler, CancellationToken cancellation) =>
        handler.TokenAsync(credentials, context, session, cancellation);

    /// <summary>Signs in with a cookie (pages and browsers).</summary>
    [WolverinePost("/api/accounts/sign-in", OperationId = "signIn")]
    [AllowAnonymous]
    public static Task<IResult> SignIn(Credentials credentials, HttpContext context, IQuerySession session, AccountHandler handler, CancellationToken cancellation) =>
        handler.SignInAsync(credentials, context, session, cancellation);

    [WolverinePost("/api/accounts/sign-out", OperationId = "signOut")]
    [AllowAnonymous]
    public static IResult SignOut() => AccountHandler.SignOut();

    [WolverineGet("/api/accounts/me", OperationId = "getMyAccount")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Me(ClaimsPrincipal user, AccountHandler handler, CancellationToken cancellation) =>
        await handler.FindAsync(user, cancellation) is { } account ? Results.Ok(account) : Problems.NotFound("account");

    /// <summary>
    /// Signs the account out everywhere: every token and cookie issued so far stops working, on every node (the
    /// account's tickets are checked again as after a role change). The caller's own cookie is cleared too.
    /// </summary>
    [WolverinePost("/api/accounts/me/sign-out-everywhere", OperationId = "signOutEverywhere")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> SignOutEverywhere(ClaimsPrincipal user, IDocumentSession session, AccountHandler handler, CancellationToken cancellation) =>
        handler.SignOutEverywhereAsync(user, session, cancellation);

    /// <summary>
    /// Changes the caller's password: the current one is asked again (as at sign-in, held back after repeated failures),
    /// the new one follows the registration rule. Every token and cookie issued before stops working; sign in again.
    /// </summary>
    [WolverinePut("/api/accounts/me/password", OperationId = "changeMyPassword")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> ChangePassword(ChangePassword command, ClaimsPrincipal user, HttpContext context, IDocumentSession session,
        AccountHandler handler, CancellationToken cancellation) =>
        handler.ChangePasswordAsync(command, user, context, session, cancellation);

    /// <summary>Everything the platform holds on the caller, as a JSON file (see <see cref="PersonalData"/>).</summary>
    [WolverineGet("/api/accounts/me/export", OperationId = "exportMyData")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Export(ClaimsPrincipal user, HttpContext context, AccountHandler handler, CancellationToken cancellation) =>
        handler.ExportAsync(user, context, cancellation);

    /// <summary>
    /// Erases the caller's account and personal data (see <see cref="PersonalData"/>); the password confirms it. Every
    /// token and cookie of the account stops working at once; counts and tallies stay as they were.
    /// </summary>
    [WolverineDelete("/api/accounts/me", OperationId = "eraseMyAccount")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Erase(ConfirmErasure command, ClaimsPrincipal user, HttpContext context, IQuerySession session, AccountHandler handler,
        CancellationToken cancellation) =>
        handler.EraseAsync(command, user, context, session, cancellation);

    /// <summary>The account as its owner sees it (<see cref="AccountHandler.ToResponse"/>).</summary>
    public static AccountDetails ToResponse(Account a) => AccountHandler.ToResponse(a);

    /// <summary>The principal a sign-in carries (<see cref="AccountHandler.Principal"/>).</summary>
    public static ClaimsPrincipal Principal(Account account, string scheme, DateTimeOffset rolesAsOf) => AccountHandler.Principal(account, scheme, rolesAsOf);
}
