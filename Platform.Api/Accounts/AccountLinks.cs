using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Api.Accounts;

/// <summary>What a link mailed to an account does when followed.</summary>
public enum AccountLinkPurpose
{
    VerifyEmail,
    ResetPassword,
}

/// <summary>
/// One link mailed to an account (network-wide document). The link's token is this id protected with the platform's
/// data-protection keys (<see cref="AccountLinks.Token"/>): the database holds no token, only the id, which alone does not
/// make a link. A link works once (<see cref="UsedAt"/>) and until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class AccountLink
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public AccountLinkPurpose Purpose { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>How long mailed links work and how often one address gets one (<c>Platform:AccountLinks</c>).</summary>
public sealed class AccountLinkOptions
{
    /// <summary>Hours an email verification link works.</summary>
    public int VerifyEmailHours { get; set; } = 48;

    /// <summary>Minutes a password reset link works.</summary>
    public int ResetPasswordMinutes { get; set; } = 60;

    /// <summary>Links of one kind mailed to one account per hour (asking again, forgetting the password again); more are not sent.</summary>
    public int LinksPerAccountPerHour { get; set; } = 3;
}

/// <summary>
/// Makes and redeems the single-use links of <see cref="AccountLink"/>: a new link in the caller's session (committed
/// with the write that needs it), its token, and the link a token names, refused when forged (400), used or expired (410).
/// </summary>
public sealed class AccountLinks(IDataProtectionProvider protection, AccountLinkOptions options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("account-links");

    public static readonly DomainError Invalid = DomainError.Invalid("token", "This link is not valid. Use the link of the latest email, or ask for a new one.");
    public static readonly DomainError Used = new(ErrorKind.Invalid, "link-used", "This link was used already. Ask for a new one if you still need it.", "token");
    public static readonly DomainError Expired = new(ErrorKind.Invalid, "link-expired", "This link has expired. Ask for a new one.", "token");

    /// <summary>A new link for the account, stored in <paramref name="session"/> (the caller commits).</summary>
    public AccountLink Create(IDocumentSession session, Guid accountId, AccountLinkPurpose purpose)
    {
        var now = clock.GetUtcNow();
        var link = new AccountLink
        {
            Id = Guid.CreateVersion7(),
            AccountId = accountId,
            Purpose = purpose,
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountLinkPurpose.VerifyEmail ? TimeSpan.FromHours(options.VerifyEmailHours) : TimeSpan.FromMinutes(options.ResetPasswordMinutes)),
        };
        session.Store(link);
        return link;
    }

    /// <summary>Whether the account may get another link of <paramref name="purpose"/> now (<see cref="AccountLinkOptions.LinksPerAccountPerHour"/>).</summary>
    public async Task<bool> MaySendAsync(IQuerySession session, Guid accountId, AccountLinkPurpose purpose, CancellationToken cancellation)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        var recent = await session.Query<AccountLink>().CountAsync(l => l.AccountId == accountId && l.Purpose == purpose && l.CreatedAt > since, cancellation);
        return recent < Math.Max(1, options.LinksPerAccountPerHour);
    }

    /// <summary>The token of the link, for its address in an email.</summary>
    public string Token(AccountLink link) => WebEncoders.Base64UrlEncode(For(link.Purpose).Protect(link.Id.ToByteArray()));

    /// <summary>
    /// The unused, unexpired link of <paramref name="purpose"/> that <paramref name="token"/> names, loaded in <paramref name="session"/>
    /// with its account; else the refusal. The caller marks it used (<see cref="AccountLink.UsedAt"/>) in the write it makes.
    /// </summary>
    public async Task<(AccountLink? Link, Account? Account, DomainError? Refusal)> RedeemAsync(IDocumentSession session, string? token,
        AccountLinkPurpose purpose, CancellationToken cancellation)
    {
        if (Id(token, purpose) is not { } id) return (null, null, Invalid);
        var link = await session.LoadAsync<AccountLink>(id, cancellation);
        if (link is null || link.Purpose != purpose) return (null, null, Invalid);
        if (link.UsedAt is not null) return (null, null, Used);
        if (link.ExpiresAt <= clock.GetUtcNow()) return (null, null, Expired);
        var account = await session.LoadAsync<Account>(link.AccountId, cancellation);
        return account is null ? (null, null, Invalid) : (link, account, null);
    }

    /// <summary>A refusal of <see cref="RedeemAsync"/> as the API answers it: 400 for a forged link, 410 Gone for a used or expired one.</summary>
    public static IResult Problem(DomainError refusal)
    {
        var problem = Problems.From([refusal]);
        if (refusal != Invalid)
        {
            problem.Status = StatusCodes.Status410Gone;
            problem.Title = refusal.Message;
        }
        return Results.Problem(problem);
    }

    private Guid? Id(string? token, AccountLinkPurpose purpose)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var bytes = For(purpose).Unprotect(WebEncoders.Base64UrlDecode(token.Trim()));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector For(AccountLinkPurpose purpose) => _protector.CreateProtector(purpose.ToString());
}
