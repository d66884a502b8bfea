namespace Platform.Bench;

/// <summary>What one phase measured.</summary>
public sealed record PhaseResult(string Name, long Succeeded, long Failed, TimeSpan Elapsed, Latencies Latencies)
{
    public double PerSecond => Succeeded / Elapsed.TotalSeconds;

    /// <summary>Two loads run side by side as one phase: their operations together over the longer of their times.</summary>
    public static PhaseResult Together(string name, PhaseResult a, PhaseResult b)
    {
        var latencies = new Latencies();
        latencies.Add(a.Latencies);
        latencies.Add(b.Latencies);
        return new PhaseResult(name, a.Succeeded + b.Succeeded, a.Failed + b.Failed, a.Elapsed > b.Elapsed ? a.Elapsed : b.Elapsed, latencies);
    }

    public override string ToString() =>
        $"{Name,-9} {PerSecond,8:F0}/s  ok {Succeeded,7}  failed {Failed,5}  p50 {Latencies.Percentile(50),6:F1} ms  p95 {Latencies.Percentile(95),6:F1} ms  p99 {Latencies.Percentile(99),6:F1} ms";
}
