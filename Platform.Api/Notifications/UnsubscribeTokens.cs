using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Platform.Api.Notifications;

/// <summary>
/// The signed token of an email's unsubscribe link: it names the account and the kinds of notice the email was about,
/// protected with the platform's Data Protection key ring (shared by every node), so it works without signing in and
/// cannot be forged or altered. It does not expire: an old email's link still stops that email's kinds.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Platform.Notifications.Unsubscribe.v1");

    /// <summary>The most a token may be (a longer one is not one of ours, and is not read).</summary>
    public const int MaxLength = 1024;

    public string For(Guid accountId, IEnumerable<NoticeKind> kinds) =>
        _protector.Protect($"{accountId:N}|{string.Join(',', kinds.Distinct().Order().Select(k => (int)k))}");

    /// <summary>The account and kinds <paramref name="token"/> names; null when it is not a token this platform signed.</summary>
    public (Guid AccountId, IReadOnlyList<NoticeKind> Kinds)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var accountId)) return null;
        var kinds = new List<NoticeKind>();
        foreach (var number in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(number, out var value) || !Enum.IsDefined((NoticeKind)value)) return null;
            kinds.Add((NoticeKind)value);
        }
        return kinds.Count == 0 ? null : (accountId, kinds);
    }
}
