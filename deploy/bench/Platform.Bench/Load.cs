using System.Diagnostics;

namespace Platform.Bench;

/// <summary>Runs an operation from N concurrent workers for a fixed time, timing each call.</summary>
public static class Load
{
    /// <param name="operation">Takes the call's sequence number; returns false for a failed call, null when there is no work left.</param>
    public static async Task<PhaseResult> RunAsync(string name, int workers, TimeSpan duration, Func<long, Task<bool?>> operation)
    {
        Console.Error.WriteLine($"[bench] {name}: {workers} workers for {duration.TotalSeconds:F0} s");
        var latencies = new Latencies();
        long next = -1, succeeded = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        var exhausted = false;
        string? firstError = null;

        async Task Worker()
        {
            while (clock.Elapsed < duration && !exhausted)
            {
                var n = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                bool? ok;
                try { ok = await operation(n); }
                catch (Exception e)
                {
                    ok = false;
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                }
                if (ok is null) { exhausted = true; break; }
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (ok.Value) Interlocked.Increment(ref succeeded); else Interlocked.Increment(ref failed);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(Worker)));
        if (firstError is not null) Console.Error.WriteLine($"[bench] {name}: first failure: {firstError}");
        return new PhaseResult(name, succeeded, failed, clock.Elapsed, latencies);
    }
}
