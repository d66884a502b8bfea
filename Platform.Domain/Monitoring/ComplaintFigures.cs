using System.Collections.Immutable;
using Platform.Domain.Concerns;

namespace Platform.Domain.Monitoring;

/// <summary>What the complaint figures keep of a concern until it is both responded to and resolved (nothing of its text).</summary>
public sealed class ConcernFact
{
    public string[] Rights { get; set; } = [];
    public string? District { get; set; }
    /// <summary>The response deadline set by the latest acknowledgement before the first response (null: not acknowledged).</summary>
    public DateTimeOffset? ResponseDue { get; set; }
    public bool Responded { get; set; }
    public bool Resolved { get; set; }
}

/// <summary>
/// The city's complaint figures, folded from its concern events (<see cref="Apply"/>), and the three computed series
/// they give (<see cref="Series"/>). Each concern is counted once per figure, in the year and the quarter (UTC) of
/// the event that counts:
/// <list type="bullet">
/// <item><b>received</b>: when it was raised. Hidden, redacted and withdrawn concerns count too: they were received.</item>
/// <item><b>answered in time</b>: when the city first responded (an answer or a decline), if no later than the response
/// deadline its acknowledgement set; a response before any acknowledgement had no deadline running and counts as in time.
/// A later answer (after a contest reopened it) does not count again.</item>
/// <item><b>resolved</b>: when it was first resolved.</item>
/// </list>
/// Each figure has a headline total, a value per right the concern names (a concern of two rights counts under both,
/// so the rights add up to more than the total) and a value per district (concerns without a district are in the total only;
/// a district the city does not name counts under "other", <see cref="Series"/>).
/// </summary>
public sealed class ComplaintFigures
{
    /// <summary>Facts of the concerns that may still count (not yet both responded to and resolved), by concern id.</summary>
    public Dictionary<Guid, ConcernFact> Pending { get; set; } = [];

    /// <summary>Counts by indicator code, then by "period|dimension|group" ("2026||" is the 2026 total).</summary>
    public Dictionary<string, Dictionary<string, int>> Counts { get; set; } = [];

    /// <summary>When the latest counted event happened.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Folds one concern event of concern <paramref name="concernId"/>; other events change nothing.</summary>
    public void Apply(Guid concernId, object e)
    {
        switch (e)
        {
            case ConcernRaised raised:
                var fact = new ConcernFact { Rights = raised.Rights.Distinct(StringComparer.Ordinal).ToArray(), District = raised.District };
                Pending[concernId] = fact;
                Count(PlatformIndicators.Received, fact, raised.RaisedAt);
                break;
            case ConcernAcknowledged acknowledged when Pending.TryGetValue(concernId, out var f) && !f.Responded:
                f.ResponseDue = acknowledged.ResponseDue;
                break;
            case ConcernAnswered answered:
                Responded(concernId, answered.AnsweredAt);
                break;
            case ConcernDeclined declined:
                Responded(concernId, declined.DeclinedAt);
                break;
            case ConcernResolved resolved when Pending.TryGetValue(concernId, out var f) && !f.Resolved:
                f.Resolved = true;
                Count(PlatformIndicators.Resolved, f, resolved.ResolvedAt);
                Forget(concernId, f);
                break;
            default:
                return;
        }
    }

    /// <summary>The concern events the figures are folded from.</summary>
    public static readonly Type[] EventTypes =
        [typeof(ConcernRaised), typeof(ConcernAcknowledged), typeof(ConcernAnswered), typeof(ConcernDeclined), typeof(ConcernResolved)];

    private void Responded(Guid concernId, DateTimeOffset at)
    {
        if (!Pending.TryGetValue(concernId, out var fact) || fact.Responded) return;
        fact.Responded = true;
        if (fact.ResponseDue is not { } due || at <= due) Count(PlatformIndicators.AnsweredInTime, fact, at);
        Forget(concernId, fact);
    }

    private void Forget(Guid concernId, ConcernFact fact)
    {
        if (fact.Responded && fact.Resolved) Pending.Remove(concernId);
    }

    private void Count(string code, ConcernFact fact, DateTimeOffset at)
    {
        if (at > UpdatedAt) UpdatedAt = at;
        if (!Counts.TryGetValue(code, out var counts)) Counts[code] = counts = [];
        var utc = at.UtcDateTime;
        foreach (var period in new[] { new Period(utc.Year, null), new Period(utc.Year, (utc.Month - 1) / 3 + 1) })
        {
            Add(counts, Key(period, "", ""));
            foreach (var right in fact.Rights) Add(counts, Key(period, PlatformIndicators.RightDimension, right));
            if (!string.IsNullOrWhiteSpace(fact.District)) Add(counts, Key(period, PlatformIndicators.DistrictDimension, fact.District.Trim()));
        }
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Key(Period period, string dimension, string group) => $"{period}|{dimension}|{group}";

    /// <summary>
    /// The three computed series of <paramref name="city"/>: every period with any count has a headline value for each
    /// (0 when nothing counted), and a value per right and district that counted. Districts: only the city's own
    /// (<paramref name="districts"/>, as its population shares name them) by name; any other counts under
    /// <see cref="PlatformIndicators.OtherDistrict"/>. None before the city's first concern.
    /// </summary>
    public IReadOnlyList<IndicatorSeries> Series(string city, IReadOnlyCollection<string>? districts = null)
    {
        string Group(string dimension, string group) => dimension != PlatformIndicators.DistrictDimension ? group
            : districts?.FirstOrDefault(d => string.Equals(d.Trim(), group, StringComparison.OrdinalIgnoreCase))?.Trim() ?? PlatformIndicators.OtherDistrict;
        var periods = Counts.Values.SelectMany(c => c.Keys).Select(k => k[..k.IndexOf('|')]).Distinct().Select(Period.Parse).Order().ToList();
        if (periods.Count == 0) return [];
        return PlatformIndicators.All.Select(definition =>
        {
            var counts = Counts.GetValueOrDefault(definition.Code) ?? [];
            var points = ImmutableDictionary.CreateBuilder<string, DataPoint>();
            foreach (var period in periods)
            {
                var text = period.ToString();
                Point(points, text, ImmutableDictionary<string, string>.Empty, counts.GetValueOrDefault(Key(period, "", "")));
            }
            var grouped = counts.Select(c => c.Key.Split('|', 3)).Zip(counts.Values).Where(c => c.First[1].Length > 0)
                .GroupBy(c => (Period: c.First[0], Dimension: c.First[1], Group: Group(c.First[1], c.First[2])));
            foreach (var point in grouped)
                Point(points, point.Key.Period, ImmutableDictionary<string, string>.Empty.Add(point.Key.Dimension, point.Key.Group), point.Sum(c => c.Second));
            var baseline = periods.First(p => p.Quarter is null);
            var baselineValue = counts.GetValueOrDefault(Key(baseline, "", ""));
            return new IndicatorSeries(SeriesStream.Id(city, definition.Code), definition.Code, definition, false, baseline.ToString(), baselineValue,
                null, null, PlatformIndicators.Origin, null, UpdatedAt, points.ToImmutable());
        }).ToList();

        void Point(ImmutableDictionary<string, DataPoint>.Builder points, string period, IReadOnlyDictionary<string, string> groups, int value)
        {
            var measurement = new Measurement(period, groups, value, null, SourceKind.Platform, PlatformIndicators.MethodNote, null);
            points[Disaggregation.PointKey(period, groups, SourceKind.Platform)] = new DataPoint(measurement, 1, UpdatedAt, null, []);
        }
    }

    /// <summary>The figure of <paramref name="code"/> for a period and group, 0 when nothing counted (for tests and the report).</summary>
    public int Of(string code, string period, string dimension = "", string group = "") =>
        Counts.GetValueOrDefault(code)?.GetValueOrDefault($"{Period.Parse(period)}|{dimension}|{group}") ?? 0;
}
