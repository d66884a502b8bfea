using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Platform.Api.Accounts;

/// <summary>
/// Writes per account: a token bucket for each account that writes (<c>perMinute</c> tokens, a sixtieth of them back at
/// the end of every second, as ASP.NET Core's token bucket with a one-second period), refilled when the account next
/// writes instead of by a timer. ASP.NET Core's partitioned limiter refills every partition ten times a second and
/// drops one only when it is full again, so its cost grows with the accounts that wrote in the last minute (a city-wide
/// support drive brings hundreds of thousands); here a write costs the same however many accounts there are, and the
/// buckets full again are dropped once a minute. Requests the key selector gives no key (reads, anonymous callers) are
/// not limited.
/// </summary>
public sealed class AccountWriteLimiter(int perMinute, Func<HttpContext, string?> key, TimeProvider clock) : PartitionedRateLimiter<HttpContext>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private static readonly RateLimitLease Allowed = new Lease(null);

    private readonly long _limit = Math.Max(1, perMinute);
    private readonly long _perPeriod = Math.Max(1, perMinute / 60);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _nextSweep = clock.GetUtcNow().Add(SweepEvery).UtcTicks;

    /// <summary>Accounts with a bucket (those not yet full again since they last wrote, until the next sweep).</summary>
    public int Accounts => _buckets.Count;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (key(resource) is not { } account) return Allowed;
        var now = clock.GetUtcNow().UtcTicks;
        if (now >= Interlocked.Read(ref _nextSweep)) Sweep(now);
        while (true)
        {
            var bucket = _buckets.GetOrAdd(account, static (_, state) => new Bucket(state.Limit, state.Now), (Limit: _limit, Now: now));
            lock (bucket)
            {
                if (bucket.Dropped) continue; // swept meanwhile: take the new one
                Refill(bucket, now);
                if (bucket.Tokens >= permitCount)
                {
                    bucket.Tokens -= permitCount;
                    return Allowed;
                }
                return new Lease(TimeSpan.FromTicks(bucket.RefilledAt + Period.Ticks - now));
            }
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(resource, permitCount)); // no queue: over the limit is refused at once

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    /// <summary>Adds the tokens of every whole period since the last refill, up to the limit.</summary>
    private void Refill(Bucket bucket, long now)
    {
        var periods = (now - bucket.RefilledAt) / Period.Ticks;
        if (periods <= 0) return;
        bucket.Tokens = Math.Min(_limit, bucket.Tokens + periods * _perPeriod);
        bucket.RefilledAt += periods * Period.Ticks;
    }

    /// <summary>Once a minute, drops the buckets that are full again (off the request): the account's next write starts a new full one, the same.</summary>
    private void Sweep(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + SweepEvery.Ticks, due) != due) return; // another request sweeps
        ThreadPool.QueueUserWorkItem(static state => state.Limiter.DropFull(state.Now), (Limiter: this, Now: now), preferLocal: false);
    }

    private void DropFull(long now)
    {
        foreach (var (account, bucket) in _buckets)
            lock (bucket)
            {
                Refill(bucket, now);
                if (bucket.Tokens < _limit) continue;
                bucket.Dropped = true;
                _buckets.TryRemove(new KeyValuePair<string, Bucket>(account, bucket));
            }
    }

    private sealed class Bucket(long tokens, long refilledAt)
    {
        public long Tokens = tokens;
        public long RefilledAt = refilledAt;
        public bool Dropped;
    }

    /// <summary>Acquired when <paramref name="retryAfter"/> is null; otherwise refused, saying when a token is back.</summary>
    private sealed class Lease(TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => retryAfter is null;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
