namespace Platform.Api.Bench;

/// <summary>
/// <c>Platform:Bench:Enabled</c>: exposes <c>POST /api/bench/residents</c>, which creates password-less
/// resident accounts and returns bearer tokens for them, so load tests can act as thousands of distinct
/// residents. Refused in the Production environment whatever the setting says.
/// </summary>
public sealed class BenchOptions
{
    public bool Enabled { get; set; }
}
