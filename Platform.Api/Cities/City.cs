namespace Platform.Api.Cities;

/// <summary>
/// A city of the network: network-wide data (single-tenanted document); its slug is also the
/// Marten tenant id of everything the city owns.
/// </summary>
public sealed class City
{
    /// <summary>The slug, used in URLs and as the tenant id (york, utrecht, lviv).</summary>
    public string Id { get; set; } = "";
    /// <summary>Names per language code (en, fr, nl, uk).</summary>
    public Dictionary<string, string> Names { get; set; } = [];
    public string[] Languages { get; set; } = ["en"];
    /// <summary>IANA time zone (Europe/London): deadlines and "today" are the city's.</summary>
    public string TimeZone { get; set; } = "UTC";
    /// <summary>Inhabitants, for per-100,000 figures in network comparisons.</summary>
    public long? Population { get; set; }
    public CitySettings Settings { get; set; } = new();
    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>How a city runs participation. Defaults are those most member cities use.</summary>
public sealed class CitySettings
{
    /// <summary>Days the council has to answer a concern once acknowledged.</summary>
    public int ConcernResponseDays { get; set; } = 30;
    /// <summary>Supports a proposal needs before the council owes a decision.</summary>
    public int ProposalSupportThreshold { get; set; } = 100;
    /// <summary>Days the council has to decide a proposal that reached the threshold.</summary>
    public int ProposalDecisionDays { get; set; } = 90;
    /// <summary>Whether supports and votes need a verified resident (not only a registered one).</summary>
    public bool SupportsRequireVerifiedResidency { get; set; }
    /// <summary>Whether supports, votes and consultation answers need a verified email address (docs/accounts.md).</summary>
    public bool SupportsRequireVerifiedEmail { get; set; }
}
