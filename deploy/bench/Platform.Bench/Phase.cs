using System.Diagnostics;

namespace Platform.Bench;

/// <summary>
/// One phase of the live benchmark: writes at a fixed rate (open loop, so a slow server cannot slow the
/// arrivals down), then the latency from each write's answer to the first push on each client that reflects it.
/// </summary>
public static class Phase
{
    /// <summary>How long, after the last write, watchers may take to see it before what they lack counts as missing.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    /// <param name="write">One write; returns the version a push must reach to include it, or null when refused.</param>
    public static async Task<LiveResult> RunAsync(string name, IReadOnlyList<Watcher> watchers, int perSecond, TimeSpan duration, Func<Task<long?>> write)
    {
        Console.Error.WriteLine($"[bench] {name}: {perSecond} writes/s for {duration.TotalSeconds:F0} s, {watchers.Count} watchers");
        foreach (var watcher in watchers) watcher.TakePushes();
        var answered = new List<(long Version, long At)>();
        var writeLatencies = new Latencies();
        long failed = 0;
        var writes = new List<Task>();
        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        for (var n = 0; clock.Elapsed < duration; n++)
        {
            var wait = interval * n - clock.Elapsed; // read the clock once: read twice, the wait could turn negative in between
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            writes.Add(Task.Run(async () =>
            {
                long? version;
                var started = Stopwatch.GetTimestamp();
                try { version = await write(); }
                catch (Exception) { version = null; }
                var at = Stopwatch.GetTimestamp();
                writeLatencies.Add(Stopwatch.GetElapsedTime(started, at).TotalMilliseconds);
                if (version is { } v) { lock (answered) answered.Add((v, at)); }
                else Interlocked.Increment(ref failed);
            }));
        }
        await Task.WhenAll(writes);
        var writing = clock.Elapsed;

        // Wait until every watcher saw the last write (or give up after a while).
        var last = answered.Count == 0 ? 0 : answered.Max(a => a.Version);
        var pushes = new (long Version, long At)[watchers.Count][];
        var settle = Stopwatch.StartNew();
        var seen = new List<(long Version, long At)>[watchers.Count];
        for (var i = 0; i < watchers.Count; i++) seen[i] = [];
        var highest = new long[watchers.Count];
        while (true)
        {
            for (var i = 0; i < watchers.Count; i++)
                foreach (var push in watchers[i].TakePushes())
                {
                    seen[i].Add(push);
                    highest[i] = Math.Max(highest[i], push.Version);
                }
            if (highest.All(h => h >= last) || settle.Elapsed > Settle) break;
            await Task.Delay(100);
        }
        for (var i = 0; i < watchers.Count; i++)
        {
            // By version, each with the earliest arrival of any push at or above that version (pushes may overtake).
            var byVersion = seen[i].OrderBy(x => x.Version).ToArray();
            for (var k = byVersion.Length - 2; k >= 0; k--)
                if (byVersion[k + 1].At < byVersion[k].At) byVersion[k] = (byVersion[k].Version, byVersion[k + 1].At);
            pushes[i] = byVersion;
        }

        var latencies = new Latencies();
        long unseen = 0;
        var votes = answered.OrderBy(a => a.Version).ToArray();
        // One latency per vote and watcher (300 million with 10,000 watchers at 1,000 votes/s for 30 s): counted on every
        // core, each thread into its own buckets, added up at the end.
        Parallel.For(0, pushes.Length, () => (Latencies: new Latencies(), Unseen: 0L), (i, _, mine) =>
        {
            // Votes and pushes both by version: walk the two lists once.
            var received = pushes[i];
            var p = 0;
            foreach (var vote in votes)
            {
                while (p < received.Length && received[p].Version < vote.Version) p++;
                if (p == received.Length) { mine.Unseen += 1; continue; }
                mine.Latencies.Add(Stopwatch.GetElapsedTime(vote.At, received[p].At).TotalMilliseconds);
            }
            return mine;
        }, mine =>
        {
            latencies.Add(mine.Latencies);
            Interlocked.Add(ref unseen, mine.Unseen);
        });
        var pushCount = seen.Sum(p => (long)p.Count);
        return new LiveResult(name, votes.Length, failed, unseen, pushCount / writing.TotalSeconds, votes.Length / writing.TotalSeconds, latencies, writeLatencies);
    }
}

public sealed record LiveResult(string Name, long Succeeded, long Failed, long Unseen, double PushesPerSecond, double WritesPerSecond, Latencies Latencies, Latencies WriteLatencies)
{
    public override string ToString() =>
        $"{Name,-9} {WritesPerSecond,6:F0} writes/s  ok {Succeeded,7}  failed {Failed,5}  unseen {Unseen,5}  " +
        $"{PushesPerSecond,7:F0} pushes/s  p50 {Latencies.Percentile(50),6:F1} ms  p95 {Latencies.Percentile(95),6:F1} ms  p99 {Latencies.Percentile(99),6:F1} ms  " +
        $"(writes answered in p50 {WriteLatencies.Percentile(50):F1} ms, p99 {WriteLatencies.Percentile(99):F1} ms, max {WriteLatencies.Percentile(100):F1} ms)";
}
