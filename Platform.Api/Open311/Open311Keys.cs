using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Platform.Domain.Open311;

namespace Platform.Api.Open311;

/// <summary>
/// Open311 API keys: made from 32 random bytes, shown once to the official who issues them, and stored only as a keyed
/// hash (<see cref="Pseudonyms.Of(string)"/>: the database alone can neither use nor check a key). A key is looked up in
/// the city's tenant only, so a key of one city is unknown in every other.
/// </summary>
public sealed class Open311Keys(Pseudonyms pseudonyms, RateLimitOptions limits)
{
    /// <summary>What every key starts with, so a leaked one is recognisable in logs and code.</summary>
    public const string Prefix = "o311_";

    /// <summary>A new key and its hash.</summary>
    public (string Key, string Hash) NewKey()
    {
        var key = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        return (key, Hash(key));
    }

    public string Hash(string key) => pseudonyms.Of("open311:" + key);

    /// <summary>The active client of <paramref name="key"/> in the session's city, or null (no key, unknown, another city's, revoked).</summary>
    public async Task<Open311Client?> ActiveClientAsync(IQuerySession session, string? key, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(key) || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 100) return null;
        var hash = Hash(key);
        var client = await session.Query<Open311Client>().FirstOrDefaultAsync(c => c.KeyHash == hash, cancellation);
        return client is { Active: true } ? client : null;
    }

    private readonly PartitionedRateLimiter<Guid> _writes = PartitionedRateLimiter.Create<Guid, Guid>(client =>
        RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, limits.Open311RequestsPerKeyPerMinute),
            TokensPerPeriod = Math.Max(1, limits.Open311RequestsPerKeyPerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));

    /// <summary>
    /// Takes one write of the client's budget (<see cref="RateLimitOptions.Open311RequestsPerKeyPerMinute"/>, a token bucket as
    /// the accounts' writes have): null when the request may go on, else how long to wait.
    /// </summary>
    public TimeSpan? Throttle(Guid client)
    {
        using var lease = _writes.AttemptAcquire(client);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
