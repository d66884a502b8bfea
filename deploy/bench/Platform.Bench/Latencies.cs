namespace Platform.Bench;

/// <summary>Latency samples of one phase, in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];
    private double[]? _sorted; // sorted once for all percentiles asked (10,000 watchers × 15,000 votes are 150 million samples)

    public void Add(double milliseconds)
    {
        lock (_samples)
        {
            _samples.Add(milliseconds);
            _sorted = null;
        }
    }

    /// <summary>Adds every sample of <paramref name="other"/> (two loads run side by side, reported as one phase).</summary>
    public void Add(Latencies other)
    {
        double[] samples;
        lock (other._samples) samples = [.. other._samples];
        lock (_samples)
        {
            _samples.AddRange(samples);
            _sorted = null;
        }
    }

    public int Count
    {
        get { lock (_samples) return _samples.Count; }
    }

    public double Percentile(double p)
    {
        lock (_samples)
        {
            if (_samples.Count == 0) return double.NaN;
            if (_sorted is null)
            {
                _sorted = _samples.ToArray();
                Array.Sort(_sorted);
            }
            var sorted = _sorted;
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}
