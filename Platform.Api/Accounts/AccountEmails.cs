using Microsoft.AspNetCore.Identity;
using Platform.Api.Mail;

namespace Platform.Api.Accounts;

/// <summary>Follow an email verification link: its token.</summary>
public sealed record VerifyEmail(string? Token);

/// <summary>Ask for a password reset link, mailed to <paramref name="Email"/> when an account has it.</summary>
public sealed record RequestPasswordReset(string? Email);

/// <summary>Set a new password with the token of a reset link.</summary>
public sealed record ResetPassword(string? Token, string? NewPassword);

/// <summary>
/// What both faces do with the links mailed to an account: verify the email address, send the verification link again,
/// ask for a password reset and set the new password. A link is made in the same transaction as the write that needs it
/// and mailed by a durable message (<see cref="SendAccountLink"/>), so a write never waits for, nor fails with, the mail
/// server. Each method answers the result the API gives; the pages show the same refusals.
/// </summary>
public sealed class AccountEmails(AccountLinks links, AccountDirectory accounts, IPasswordHasher<Account> hasher, Mailer mailer, TimeProvider clock,
    ILogger<AccountEmails> logger)
{
    public static readonly DomainError AlreadyVerified = DomainError.Conflict("email-already-verified", "Your email address is verified already.");

    private static readonly DomainError LinkRaced = DomainError.Conflict("account-changed", "Your account changed meanwhile; try again.");

    /// <summary>
    /// Makes a link on <paramref name="account"/> and, when email is on, queues its email on <paramref name="bus"/>; the
    /// caller stores the account in a session enlisted in the bus's outbox, so both commit together or neither does.
    /// </summary>
    public async Task QueueAsync(IMessageBus bus, Account account, AccountLinkPurpose purpose)
    {
        var link = links.Create(account, purpose);
        if (mailer.IsOn) await bus.PublishAsync(new SendAccountLink(account.Id, link.Id));
    }

    /// <summary>Marks the email address of the link's account verified; the link is used up.</summary>
    public async Task<IResult> VerifyAsync(VerifyEmail command, IDocumentSession session, CancellationToken cancellation)
    {
        var (link, account, refusal) = await links.RedeemAsync(session, command.Token, AccountLinkPurpose.VerifyEmail, cancellation);
        if (refusal is not null) return AccountLinks.Problem(refusal);
        account!.EmailVerifiedAt ??= clock.GetUtcNow();
        return await UseAsync(session, link!, account, endSignIns: false, cancellation) ?? Results.Ok(new { emailVerified = true });
    }

    /// <summary>Sends the signed-in person's verification link again (at most <see cref="AccountLinkOptions.LinksPerAccountPerHour"/> an hour).</summary>
    public async Task<IResult> ResendVerificationAsync(ClaimsPrincipal user, IDocumentSession session, IMessageBus bus, HttpContext context,
        CancellationToken cancellation)
    {
        var account = await session.LoadAsync<Account>(user.AccountId(), cancellation);
        if (account is null) return Problems.NotFound("account");
        if (account.EmailVerifiedAt is not null) return Problems.Result([AlreadyVerified]);
        if (!links.MaySend(account, AccountLinkPurpose.VerifyEmail)) return RateLimits.TooManyAttempts(context, TimeSpan.FromHours(1));
        await QueueAsync(bus, account, AccountLinkPurpose.VerifyEmail);
        session.Store(account);
        if (await StreamWrite.CommitAsync(session, LinkRaced, cancellation) is { } lost) return lost.Problem;
        return Results.Accepted("/api/accounts/me", new { sent = mailer.IsOn });
    }

    /// <summary>
    /// Mails a reset link when an account has the address and has not had too many this hour. The answer is the same
    /// either way (202), so it tells no one whether the address has an account.
    /// </summary>
    public async Task<IResult> RequestPasswordResetAsync(RequestPasswordReset command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(command.Email) || command.Email.Length > 254 || !command.Email.Contains('@', StringComparison.Ordinal))
            return Problems.Result([DomainError.Invalid("email", "A valid email address is required.")]);
        var email = AccountRules.NormaliseEmail(command.Email);
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, cancellation);
        if (account is not null && links.MaySend(account, AccountLinkPurpose.ResetPassword))
        {
            await QueueAsync(bus, account, AccountLinkPurpose.ResetPassword);
            session.Store(account);
            // A change of the account at the same moment wins; the request is answered the same (asking again works).
            if (await StreamWrite.CommitAsync(session, LinkRaced, cancellation) is not null)
                logger.LogInformation("Password reset of account {Account} not mailed: the account changed meanwhile", account.Id);
        }
        else if (account is not null) logger.LogInformation("Password reset of account {Account} not mailed: too many this hour", account.Id);
        return Results.Accepted(value: new { message = "If an account has this address, a link to choose a new password is on its way." });
    }

    /// <summary>
    /// Sets the new password of the link's account (the registration rule), ends every sign-in of the account, and marks
    /// its address verified (the link reached it). The link is used up.
    /// </summary>
    public async Task<IResult> ResetPasswordAsync(ResetPassword command, IDocumentSession session, CancellationToken cancellation)
    {
        if (AccountRules.ValidatePassword(command.NewPassword) is { } invalid) return Problems.Result([invalid with { Field = "newPassword" }]);
        var (link, account, refusal) = await links.RedeemAsync(session, command.Token, AccountLinkPurpose.ResetPassword, cancellation);
        if (refusal is not null) return AccountLinks.Problem(refusal);
        account!.PasswordHash = hasher.HashPassword(account, command.NewPassword!);
        account.EmailVerifiedAt ??= clock.GetUtcNow();
        return await UseAsync(session, link!, account, endSignIns: true, cancellation) ?? AccountHandler.SignOut();
    }

    /// <summary>
    /// Commits the account's change with its link used up. The account's optimistic concurrency makes the link single-use
    /// under races too: of two uses at once, one commits and the other is refused. Every node then reads the account's
    /// claims again (the verified address), and with <paramref name="endSignIns"/> refuses its older sign-ins.
    /// </summary>
    private async Task<IResult?> UseAsync(IDocumentSession session, AccountLink link, Account account, bool endSignIns, CancellationToken cancellation)
    {
        link.UsedAt = clock.GetUtcNow();
        if (endSignIns) accounts.EndSignIns(session, account);
        else
        {
            accounts.StampRoleChange(account);
            session.Store(account);
        }
        if (await StreamWrite.CommitAsync(session, LinkRaced, cancellation) is { } lost) return lost.Problem;
        accounts.RolesChanged(account);
        return null;
    }
}
