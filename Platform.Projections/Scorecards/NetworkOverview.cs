using Platform.Projections.Scorecards;

namespace Platform.Projections.Scorecards;

/// <summary>
/// The scorecards of all cities in one network-wide (single-tenanted) document, kept by
/// <see cref="NetworkOverviewProjection"/> from the events of every city. Each city's part follows the
/// same rules as its own <see cref="CityScorecard"/>.
/// </summary>
public sealed class NetworkOverview
{
    /// <summary>The one document's id.</summary>
    public const string DocumentId = "network";

    public string Id { get; set; } = DocumentId;

    /// <summary>The highest event sequence reflected, over all cities.</summary>
    public long Version { get; set; }

    public Dictionary<string, CityScorecard> Cities { get; set; } = [];

    public void Apply(string city, object data, long sequence, DateTimeOffset timestamp)
    {
        if (!Cities.TryGetValue(city, out var scorecard)) Cities[city] = scorecard = new CityScorecard { Id = city };
        var before = scorecard.Version;
        scorecard.Apply(data, sequence, timestamp);
        if (scorecard.Version != before) Version = Math.Max(Version, sequence);
    }
}
