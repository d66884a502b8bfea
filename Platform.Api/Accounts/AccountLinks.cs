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
/// One link mailed to an account, kept in the <see cref="Account"/> document (<see cref="Account.Links"/>), so nothing
/// outside the account holds its id. The link's token is the account's and the link's ids protected with the platform's
/// data-protection keys (<see cref="AccountLinks.Token"/>): the database holds no token, and the ids alone do not make a
/// link. A link works once (<see cref="UsedAt"/>) and until <see cref="ExpiresAt"/>.
/// </summary>
public sealed class AccountLink
{
    public Guid Id { get; set; }
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
/// Makes and redeems the single-use links of <see cref="AccountLink"/>: a new link on the account (stored with the write
/// that needs it), its token, and the link a token names, refused when forged (400), used or expired (410).
/// </summary>
public sealed class AccountLinks(IDataProtectionProvider protection, AccountLinkOptions options, TimeProvider clock)
{
    private readonly IDataProtector _protector = protection.CreateProtector("account-links");

    public static readonly DomainError Invalid = DomainError.Invalid("token", "This link is not valid. Use the link of the latest email, or ask for a new one.");
    public static readonly DomainError Used = new(ErrorKind.Invalid, "link-used", "This link was used already. Ask for a new one if you still need it.", "token");
    public static readonly DomainError Expired = new(ErrorKind.Invalid, "link-expired", "This link has expired. Ask for a new one.", "token");

    /// <summary>
    /// A new link on the account (the caller stores the account). Links that can no longer be followed and are older than
    /// an hour (past counting for <see cref="MaySend"/>) are dropped from the account meanwhile.
    /// </summary>
    public AccountLink Create(Account account, AccountLinkPurpose purpose)
    {
        var now = clock.GetUtcNow();
        account.Links.RemoveAll(l => l.CreatedAt <= now.AddHours(-1) && (l.UsedAt is not null || l.ExpiresAt <= now));
        var link = new AccountLink
        {
            Id = Guid.CreateVersion7(),
            Purpose = purpose,
            CreatedAt = now,
            ExpiresAt = now + (purpose == AccountLinkPurpose.VerifyEmail ? TimeSpan.FromHours(options.VerifyEmailHours) : TimeSpan.FromMinutes(options.ResetPasswordMinutes)),
        };
        account.Links.Add(link);
        return link;
    }

    /// <summary>Whether the account may get another link of <paramref name="purpose"/> now (<see cref="AccountLinkOptions.LinksPerAccountPerHour"/>).</summary>
    public bool MaySend(Account account, AccountLinkPurpose purpose)
    {
        var since = clock.GetUtcNow().AddHours(-1);
        return account.Links.Count(l => l.Purpose == purpose && l.CreatedAt > since) < Math.Max(1, options.LinksPerAccountPerHour);
    }

    /// <summary>The token of the account's link, for its address in an email.</summary>
    public string Token(Account account, AccountLink link) =>
        WebEncoders.Base64UrlEncode(For(link.Purpose).Protect([.. account.Id.ToByteArray(), .. link.Id.ToByteArray()]));

    /// <summary>
    /// The unused, unexpired link of <paramref name="purpose"/> that <paramref name="token"/> names, with its account loaded
    /// in <paramref name="session"/>; else the refusal. The caller marks it used (<see cref="AccountLink.UsedAt"/>) in the write it makes.
    /// </summary>
    public async Task<(AccountLink? Link, Account? Account, DomainError? Refusal)> RedeemAsync(IQuerySession session, string? token,
        AccountLinkPurpose purpose, CancellationToken cancellation)
    {
        if (Ids(token, purpose) is not var (accountId, linkId)) return (null, null, Invalid);
        var account = await session.LoadAsync<Account>(accountId, cancellation);
        var link = account?.Links.SingleOrDefault(l => l.Id == linkId);
        if (link is null || link.Purpose != purpose) return (null, null, Invalid);
        if (link.UsedAt is not null) return (null, null, Used);
        if (link.ExpiresAt <= clock.GetUtcNow()) return (null, null, Expired);
        return (link, account, null);
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

    private (Guid Account, Guid Link)? Ids(string? token, AccountLinkPurpose purpose)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        try
        {
            var bytes = For(purpose).Unprotect(WebEncoders.Base64UrlDecode(token.Trim()));
            return bytes.Length == 32 ? (new Guid(bytes.AsSpan(0, 16)), new Guid(bytes.AsSpan(16))) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
    }

    private IDataProtector For(AccountLinkPurpose purpose) => _protector.CreateProtector(purpose.ToString());
}
