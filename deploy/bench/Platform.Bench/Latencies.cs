namespace Platform.Bench;

/// <summary>Latency samples of one phase, in milliseconds.</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];

    public void Add(double milliseconds)
    {
        lock (_samples) _samples.Add(milliseconds);
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
            var sorted = _samples.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }
}
