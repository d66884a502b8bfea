namespace Platform.Api.Bench;

/// <summary>
/// <c>Platform:Bench:Enabled</c>: exposes <c>POST /api/bench/residents</c>, which creates password-less
/// resident accounts and returns bearer tokens for them, so load tests can act as thousands of distinct
/// residents. Honoured in the Development environment only, and answered to loopback callers only.
/// </summary>
public sealed class BenchOptions
{
    public bool Enabled { get; set; }
}
