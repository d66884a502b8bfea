using System.Net;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Platform.Domain.Accounts;

namespace Platform.Api.Accounts;

/// <summary>
/// Checks an email and password against online guessing. Every attempt costs one password hash, whether the email
/// belongs to an account or not, so the answer's timing does not tell which emails have accounts. Failed attempts
/// are counted per account (the email) and per client address: past <see cref="FreeFailuresPerAccount"/> (or
/// <see cref="FreeFailuresPerAddress"/>) failures in a row, each further attempt must wait twice as long as the one
/// before (1 s, 2 s, 4 s ... up to <see cref="LongestWait"/>), and is refused with a retry time meanwhile. A
/// successful sign-in clears the account's count; an address's count fades after <see cref="Memory"/> without
/// failures. The counts live on the node that saw the attempts.
/// </summary>
public sealed class SignInGuard(IPasswordHasher<Account> hasher, IMemoryCache memory, RateLimitOptions limits, TimeProvider clock)
{
    public const int FreeFailuresPerAccount = 5;
    /// <summary>The default of <see cref="RateLimitOptions.FailedSignInsPerAddress"/>.</summary>
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>A hash of a password nobody has, checked when the email has no account: the same work as a real check.</summary>
    private readonly string _decoy = hasher.HashPassword(new Account(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    /// <summary>The account the credentials sign in to; or null with, when attempts are held back, how long to wait.</summary>
    public async Task<(Account? Account, TimeSpan? RetryAfter)> VerifyAsync(Credentials credentials, IPAddress? client, IQuerySession session,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(credentials.Email) || string.IsNullOrEmpty(credentials.Password)) return (null, null);
        var email = AccountRules.NormaliseEmail(credentials.Email);
        var accountKey = $"sign-in:account:{email}";
        var addressKey = client is null ? null : $"sign-in:address:{client}";
        var now = clock.GetUtcNow();
        if (Wait(accountKey, now) is { } accountWait) return (null, accountWait);
        if (addressKey is not null && Wait(addressKey, now) is { } addressWait) return (null, addressWait);

        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, cancellation);
        bool verified;
        if (account?.PasswordHash is { } hash) verified = hasher.VerifyHashedPassword(account, hash, credentials.Password) != PasswordVerificationResult.Failed;
        else
        {
            hasher.VerifyHashedPassword(new Account(), _decoy, credentials.Password); // the same cost as checking a real account
            verified = false;
        }
        if (verified)
        {
            memory.Remove(accountKey);
            return (account, null);
        }
        Fail(accountKey, FreeFailuresPerAccount, now);
        if (addressKey is not null) Fail(addressKey, limits.FailedSignInsPerAddress, now);
        return (null, null);
    }

    private TimeSpan? Wait(string key, DateTimeOffset now) =>
        memory.TryGetValue(key, out Failures? failures) && failures!.HeldUntil > now ? failures.HeldUntil - now : null;

    private void Fail(string key, int free, DateTimeOffset now)
    {
        var failures = memory.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = Memory;
            return new Failures();
        })!;
        lock (failures)
        {
            failures.Count++;
            if (failures.Count <= free) return;
            var seconds = Math.Min(Math.Pow(2, failures.Count - free - 1), LongestWait.TotalSeconds);
            failures.HeldUntil = now + TimeSpan.FromSeconds(seconds);
        }
    }

    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset HeldUntil;
    }
}
