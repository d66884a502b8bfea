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
    public string TimeZone { get; set; } = "UTC";
    public DateTimeOffset RegisteredAt { get; set; }
}
