namespace Platform.Bench;

/// <summary>
/// Latency samples of one phase, in milliseconds, counted in fixed buckets: 10 µs wide below 100 ms, 100 µs below
/// 10 s, 10 ms up to 10 minutes (longer samples count in the last bucket). A percentile is the upper edge of the bucket
/// that holds it (never above the largest sample), so it is exact to the bucket's width. The live benchmark with 10,000
/// watchers and 1,000 votes a second records 300 million samples in 30 s: kept one by one they took gigabytes and
/// minutes of sorting; counted, they take 1.3 MB whatever their number, and samples can be added from many threads.
/// </summary>
public sealed class Latencies
{
    private const double FineUpTo = 100, FineStep = 0.01;
    private const double MediumUpTo = 10_000, MediumStep = 0.1;
    private const double CoarseUpTo = 600_000, CoarseStep = 10;
    private const int FineBuckets = (int)(FineUpTo / FineStep);
    private const int MediumBuckets = (int)((MediumUpTo - FineUpTo) / MediumStep);
    private const int CoarseBuckets = (int)((CoarseUpTo - MediumUpTo) / CoarseStep);

    private readonly long[] _buckets = new long[FineBuckets + MediumBuckets + CoarseBuckets];
    private long _count;
    private double _max;

    public void Add(double milliseconds)
    {
        milliseconds = Math.Max(0, milliseconds);
        Interlocked.Increment(ref _buckets[Bucket(milliseconds)]);
        Interlocked.Increment(ref _count);
        var max = Volatile.Read(ref _max);
        while (milliseconds > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, milliseconds, max);
            if (seen == max) break;
            max = seen;
        }
    }

    /// <summary>Adds every sample of <paramref name="other"/> (two loads run side by side, reported as one phase; or one thread's share of a count).</summary>
    public void Add(Latencies other)
    {
        for (var i = 0; i < _buckets.Length; i++)
            if (Volatile.Read(ref other._buckets[i]) is var n and > 0) Interlocked.Add(ref _buckets[i], n);
        Interlocked.Add(ref _count, Interlocked.Read(ref other._count));
        var theirs = Volatile.Read(ref other._max);
        var max = Volatile.Read(ref _max);
        while (theirs > max)
        {
            var seen = Interlocked.CompareExchange(ref _max, theirs, max);
            if (seen == max) break;
            max = seen;
        }
    }

    public long Count => Interlocked.Read(ref _count);

    public double Percentile(double p)
    {
        var count = Count;
        if (count == 0) return double.NaN;
        var rank = Math.Clamp((long)Math.Ceiling(p / 100 * count), 1, count);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= rank) return Math.Min(UpperEdge(i), Volatile.Read(ref _max));
        }
        return Volatile.Read(ref _max);
    }

    private static int Bucket(double ms) => ms switch
    {
        < FineUpTo => (int)(ms / FineStep),
        < MediumUpTo => FineBuckets + Math.Min(MediumBuckets - 1, (int)((ms - FineUpTo) / MediumStep)),
        _ => FineBuckets + MediumBuckets + Math.Min(CoarseBuckets - 1, (int)((ms - MediumUpTo) / CoarseStep)),
    };

    private static double UpperEdge(int bucket) => bucket switch
    {
        < FineBuckets => (bucket + 1) * FineStep,
        < FineBuckets + MediumBuckets => FineUpTo + (bucket - FineBuckets + 1) * MediumStep,
        _ => MediumUpTo + (bucket - FineBuckets - MediumBuckets + 1) * CoarseStep,
    };
}
