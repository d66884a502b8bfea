using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Accounts;
using Platform.Domain.Reference;
using Wolverine.Http;

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
public sealed record AccountResponse(Guid Id, string Email, string DisplayName, bool IsNetworkAdministrator,
    IReadOnlyDictionary<string, List<CityRole>> Roles, string PreferredLanguage);

/// <summary>Registration, sign-in (bearer token for API clients, cookie for pages), and the caller's own account.</summary>
public static class AccountEndpoints
{
    [WolverinePost("/api/accounts", OperationId = "registerAccount")]
    [AllowAnonymous]
    public static async Task<IResult> Register(RegisterAccount command, IDocumentSession session, CityDirectory cities,
        IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = AccountRules.ValidateRegistration(command.Email, command.Password, command.DisplayName).ToList();
        if (string.IsNullOrWhiteSpace(command.City) || !await cities.ExistsAsync(command.City, cancellation))
            errors.Add(DomainError.Invalid("city", "Choose a city of the network (its slug, such as york)."));
        if (!string.IsNullOrWhiteSpace(command.Language) && !LanguageCodes.IsKnown(command.Language.Trim()))
            errors.Add(DomainError.Invalid("language", $"'{command.Language}' is not a language code (such as en, fr or uk)."));
        if (errors.Count > 0) return Problems.Result(errors);

        var email = AccountRules.NormaliseEmail(command.Email!);
        if (await session.Query<Account>().AnyAsync(a => a.Email == email, cancellation))
            return Problems.Result([DomainError.Conflict("email-taken", "An account with this email exists already.") with { Field = "email" }]);

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Email = email,
            DisplayName = command.DisplayName!.Trim(),
            PreferredLanguage = string.IsNullOrWhiteSpace(command.Language) ? "en" : command.Language.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = hasher.HashPassword(account, command.Password!);
        account.Grant(command.City!, CityRole.Resident);
        session.Insert(account);
        if (await StreamWrite.CommitAsync(session, DomainError.Conflict("email-taken", "An account with this email exists already.") with { Field = "email" },
                cancellation) is { } lost)
            return lost.Problem;
        return Results.Created("/api/accounts/me", new { id = account.Id });
    }

    /// <summary>A bearer token for API clients: <c>{ tokenType, accessToken, expiresIn }</c>.</summary>
    [WolverinePost("/api/accounts/token", OperationId = "issueToken")]
    [AllowAnonymous]
    public static async Task<IResult> Token(Credentials credentials, HttpContext context, IQuerySession session, SignInGuard guard, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (account, retryAfter) = await guard.VerifyAsync(credentials, context.Connection.RemoteIpAddress, session, cancellation);
        return account is null
            ? Refused(context, retryAfter)
            : Results.SignIn(Principal(account, AccountsSetup.BearerScheme, clock.GetUtcNow()), authenticationScheme: AccountsSetup.BearerScheme);
    }

    /// <summary>Signs in with a cookie (pages and browsers).</summary>
    [WolverinePost("/api/accounts/sign-in", OperationId = "signIn")]
    [AllowAnonymous]
    public static async Task<IResult> SignIn(Credentials credentials, HttpContext context, IQuerySession session, SignInGuard guard, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (account, retryAfter) = await guard.VerifyAsync(credentials, context.Connection.RemoteIpAddress, session, cancellation);
        return account is null
            ? Refused(context, retryAfter)
            : Results.SignIn(Principal(account, AccountsSetup.CookieScheme, clock.GetUtcNow()), new AuthenticationProperties { IsPersistent = true }, AccountsSetup.CookieScheme);
    }

    [WolverinePost("/api/accounts/sign-out", OperationId = "signOut")]
    [AllowAnonymous]
    public static IResult SignOut() => Results.SignOut(authenticationSchemes: [AccountsSetup.CookieScheme]);

    [WolverineGet("/api/accounts/me", OperationId = "getMyAccount")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Me(ClaimsPrincipal user, AccountDirectory accounts, CancellationToken cancellation)
    {
        var account = await accounts.FindAsync(user.AccountId(), cancellation);
        return account is null ? Problems.NotFound("account") : Results.Ok(ToResponse(account));
    }

    /// <summary>
    /// Signs the account out everywhere: every token and cookie issued so far stops working, on every node (the
    /// account's tickets are checked again as after a role change). The caller's own cookie is cleared too.
    /// </summary>
    [WolverinePost("/api/accounts/me/sign-out-everywhere", OperationId = "signOutEverywhere")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> SignOutEverywhere(ClaimsPrincipal user, IDocumentSession session, AccountDirectory accounts, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        if (!await TryEndSignInsAsync(accounts, session, account, cancellation)) return AccountChanged();
        return Results.SignOut(authenticationSchemes: [AccountsSetup.CookieScheme]);
    }

    /// <summary>
    /// Changes the caller's password: the current one is asked again (as at sign-in, held back after repeated failures),
    /// the new one follows the registration rule. Every token and cookie issued before stops working; sign in again.
    /// </summary>
    [WolverinePut("/api/accounts/me/password", OperationId = "changeMyPassword")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> ChangePassword(ChangePassword command, ClaimsPrincipal user, HttpContext context, IDocumentSession session,
        SignInGuard guard, IPasswordHasher<Account> hasher, AccountDirectory accounts, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        if (AccountRules.ValidatePassword(command.NewPassword) is { } invalid) return Problems.Result([invalid with { Field = "newPassword" }]);
        var (verified, retryAfter) = await guard.VerifyAsync(new Credentials(account.Email, command.CurrentPassword), context.Connection.RemoteIpAddress, session, cancellation);
        if (retryAfter is { } wait) return RateLimits.TooManyAttempts(context, wait);
        if (verified is null)
            return Problems.Result([new DomainError(ErrorKind.Invalid, "wrong-password", "The current password is not right.", "currentPassword")]);
        account.PasswordHash = hasher.HashPassword(account, command.NewPassword!);
        if (!await TryEndSignInsAsync(accounts, session, account, cancellation)) return AccountChanged();
        return Results.SignOut(authenticationSchemes: [AccountsSetup.CookieScheme]);
    }

    /// <summary>Everything the platform holds on the caller, as a JSON file (see <see cref="PersonalData"/>).</summary>
    [WolverineGet("/api/accounts/me/export", OperationId = "exportMyData")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Export(ClaimsPrincipal user, HttpContext context, PersonalData data, CancellationToken cancellation)
    {
        var export = await data.ExportAsync(user.AccountId(), cancellation);
        if (export is null) return Problems.NotFound("account");
        context.Response.Headers.ContentDisposition = "attachment; filename=\"my-data.json\"";
        return Results.Ok(export);
    }

    /// <summary>
    /// Erases the caller's account and personal data (see <see cref="PersonalData"/>); the password confirms it. Every
    /// token and cookie of the account stops working at once; counts and tallies stay as they were.
    /// </summary>
    [WolverineDelete("/api/accounts/me", OperationId = "eraseMyAccount")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Erase(ConfirmErasure command, ClaimsPrincipal user, HttpContext context, IQuerySession session, SignInGuard guard,
        PersonalData data, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        var (verified, retryAfter) = await guard.VerifyAsync(new Credentials(account.Email, command.Password), context.Connection.RemoteIpAddress, session, cancellation);
        if (retryAfter is { } wait) return RateLimits.TooManyAttempts(context, wait);
        if (verified is null)
            return Problems.Result([new DomainError(ErrorKind.Invalid, "wrong-password", "The password is not right.", "password")]);
        await data.EraseAsync(account.Id, cancellation);
        return Results.SignOut(authenticationSchemes: [AccountsSetup.CookieScheme]);
    }

    /// <summary>Ends the account's sign-ins; false when another change of the account committed first (optimistic concurrency).</summary>
    private static async Task<bool> TryEndSignInsAsync(AccountDirectory accounts, IDocumentSession session, Account account, CancellationToken cancellation)
    {
        try
        {
            await accounts.EndSignInsAsync(session, account, cancellation);
            return true;
        }
        catch (Exception e) when (WriteConflicts.IsStreamConflict(e))
        {
            return false;
        }
    }

    private static IResult AccountChanged() =>
        Problems.Result([DomainError.Conflict("account-changed", "Your account changed meanwhile; try again.")]);

    public static AccountResponse ToResponse(Account a) =>
        new(a.Id, a.Email, a.DisplayName, a.IsNetworkAdministrator, a.Roles, a.PreferredLanguage);

    /// <summary>
    /// The principal a sign-in carries: the account id, the roles it holds now and when they were read. Requests
    /// use those roles until the account's roles change (<see cref="AccountClaimsTransformation"/>).
    /// </summary>
    public static ClaimsPrincipal Principal(Account account, string scheme, DateTimeOffset rolesAsOf) =>
        new(new ClaimsIdentity(
            [
                new Claim(PlatformClaims.AccountIdClaim, account.Id.ToString()),
                new Claim(PlatformClaims.RolesAsOfClaim, rolesAsOf.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. PlatformClaims.RoleClaims(account),
            ], scheme));

    /// <summary>Wrong credentials (401), or, while attempts are held back, 429 with <c>Retry-After</c>.</summary>
    private static IResult Refused(HttpContext context, TimeSpan? retryAfter) =>
        retryAfter is { } wait ? RateLimits.TooManyAttempts(context, wait) : WrongCredentials();

    private static IResult WrongCredentials() => Results.Problem(
        statusCode: StatusCodes.Status401Unauthorized, title: "The email or password is not right.",
        type: "https://human-rights-cities.org/problems/wrong-credentials",
        extensions: new Dictionary<string, object?> { ["code"] = "wrong-credentials" });
}
