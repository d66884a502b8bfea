using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Platform.Domain.Reference;

namespace Platform.Api.Accounts;

/// <summary>
/// What both faces do with accounts: register, sign in (a bearer token or a cookie), sign out, change the password,
/// sign out everywhere, export and erase one's data. Each answers the result the API gives (the sign-in or sign-out
/// result carries the cookie), so a page executes it as the endpoint does and refuses what the API refuses: the same
/// rate limits (<see cref="SignInGuard"/>, 429 with <c>Retry-After</c>), the same problems.
/// </summary>
public sealed class AccountHandler(CityDirectory cities, IPasswordHasher<Account> hasher, SignInGuard guard, AccountDirectory accounts,
    PersonalData data, TimeProvider clock, AccountEmails emails)
{
    /// <summary>
    /// Registers the account. With <paramref name="bus"/> (its outbox enlisting <paramref name="session"/>), the email
    /// verification link is made and queued in the same transaction (<see cref="AccountEmails"/>).
    /// </summary>
    public async Task<IResult> RegisterAsync(RegisterAccount command, IDocumentSession session, CancellationToken cancellation, IMessageBus? bus = null)
    {
        var errors = AccountRules.ValidateRegistration(command.Email, command.Password, command.DisplayName).ToList();
        if (string.IsNullOrWhiteSpace(command.City) || !await cities.ExistsAsync(command.City, cancellation))
            errors.Add(DomainError.Invalid("city", "Choose a city of the network (its slug, such as york)."));
        if (!string.IsNullOrWhiteSpace(command.Language) && !LanguageCodes.IsKnown(command.Language.Trim()))
            errors.Add(DomainError.Invalid("language", $"'{command.Language}' is not a language code (such as en, fr or uk)."));
        if (errors.Count > 0) return Problems.Result(errors);

        var email = AccountRules.NormaliseEmail(command.Email!);
        if (await session.Query<Account>().AnyAsync(a => a.Email == email, cancellation))
            return Problems.Result([EmailTaken]);

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
        if (bus is not null) await emails.QueueAsync(bus, account, AccountLinkPurpose.VerifyEmail);
        session.Insert(account);
        if (await StreamWrite.CommitAsync(session, EmailTaken, cancellation) is { } lost)
            return lost.Problem;
        return Results.Created("/api/accounts/me", new { id = account.Id });
    }

    /// <summary>A bearer token for API clients: <c>{ tokenType, accessToken, expiresIn }</c>.</summary>
    public async Task<IResult> TokenAsync(Credentials credentials, HttpContext context, IQuerySession session, CancellationToken cancellation)
    {
        var (account, retryAfter) = await guard.VerifyAsync(credentials, context.Connection.RemoteIpAddress, session, cancellation);
        return account is null
            ? Refused(context, retryAfter)
            : Results.SignIn(Principal(account, AccountsSetup.BearerScheme, clock.GetUtcNow()), authenticationScheme: AccountsSetup.BearerScheme);
    }

    /// <summary>Signs in with a cookie (pages and browsers).</summary>
    public async Task<IResult> SignInAsync(Credentials credentials, HttpContext context, IQuerySession session, CancellationToken cancellation)
    {
        var (account, retryAfter) = await guard.VerifyAsync(credentials, context.Connection.RemoteIpAddress, session, cancellation);
        return account is null
            ? Refused(context, retryAfter)
            : Results.SignIn(Principal(account, AccountsSetup.CookieScheme, clock.GetUtcNow()), new AuthenticationProperties { IsPersistent = true }, AccountsSetup.CookieScheme);
    }

    /// <summary>Ends the sign-in cookie.</summary>
    public static IResult SignOut() => Results.SignOut(authenticationSchemes: [AccountsSetup.CookieScheme]);

    public async Task<AccountDetails?> FindAsync(ClaimsPrincipal user, CancellationToken cancellation) =>
        await accounts.FindAsync(user.AccountId(), cancellation) is { } account ? ToResponse(account) : null;

    /// <summary>
    /// Signs the account out everywhere: every token and cookie issued so far stops working, on every node (the
    /// account's tickets are checked again as after a role change). The caller's own cookie is cleared too.
    /// </summary>
    public async Task<IResult> SignOutEverywhereAsync(ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        if (!await TryEndSignInsAsync(session, account, cancellation)) return AccountChanged();
        return SignOut();
    }

    /// <summary>
    /// Changes the caller's password: the current one is asked again (as at sign-in, held back after repeated failures),
    /// the new one follows the registration rule. Every token and cookie issued before stops working; sign in again.
    /// </summary>
    public async Task<IResult> ChangePasswordAsync(ChangePassword command, ClaimsPrincipal user, HttpContext context, IDocumentSession session,
        CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        if (AccountRules.ValidatePassword(command.NewPassword) is { } invalid) return Problems.Result([invalid with { Field = "newPassword" }]);
        var (verified, retryAfter) = await guard.VerifyAsync(new Credentials(account.Email, command.CurrentPassword), context.Connection.RemoteIpAddress, session, cancellation);
        if (retryAfter is { } wait) return RateLimits.TooManyAttempts(context, wait);
        if (verified is null)
            return Problems.Result([new DomainError(ErrorKind.Invalid, "wrong-password", "The current password is not right.", "currentPassword")]);
        account.PasswordHash = hasher.HashPassword(account, command.NewPassword!);
        if (!await TryEndSignInsAsync(session, account, cancellation)) return AccountChanged();
        return SignOut();
    }

    /// <summary>Everything the platform holds on the caller, as a JSON file (see <see cref="PersonalData"/>).</summary>
    public async Task<IResult> ExportAsync(ClaimsPrincipal user, HttpContext context, CancellationToken cancellation)
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
    public async Task<IResult> EraseAsync(ConfirmErasure command, ClaimsPrincipal user, HttpContext context, IQuerySession session,
        CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        var (verified, retryAfter) = await guard.VerifyAsync(new Credentials(account.Email, command.Password), context.Connection.RemoteIpAddress, session, cancellation);
        if (retryAfter is { } wait) return RateLimits.TooManyAttempts(context, wait);
        if (verified is null)
            return Problems.Result([new DomainError(ErrorKind.Invalid, "wrong-password", "The password is not right.", "password")]);
        await data.EraseAsync(account.Id, cancellation);
        return SignOut();
    }

    /// <summary>Ends the account's sign-ins; false when another change of the account committed first (optimistic concurrency).</summary>
    private async Task<bool> TryEndSignInsAsync(IDocumentSession session, Account account, CancellationToken cancellation)
    {
        accounts.EndSignIns(session, account);
        if (await StreamWrite.CommitAsync(session, AccountChangedError, cancellation) is not null) return false;
        accounts.RolesChanged(account);
        return true;
    }

    private static readonly DomainError EmailTaken = DomainError.Conflict("email-taken", "An account with this email exists already.") with { Field = "email" };

    private static readonly DomainError AccountChangedError = DomainError.Conflict("account-changed", "Your account changed meanwhile; try again.");

    private static IResult AccountChanged() => Problems.Result([AccountChangedError]);

    public static AccountDetails ToResponse(Account a) =>
        new(a.Id, a.Email, a.DisplayName, a.IsNetworkAdministrator, a.Roles, a.PreferredLanguage) { EmailVerifiedAt = a.EmailVerifiedAt };

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
