using System.Collections.Immutable;

namespace Platform.Domain.Monitoring;

/// <summary>An earlier value of a data point, kept when it was corrected.</summary>
public sealed record PointRevision(double Value, SourceKind Source, string? MethodNote, int IndicatorVersion, DateTimeOffset RecordedAt);

/// <summary>The current value of one period and group, with the values it replaced (oldest first) and why.</summary>
public sealed record DataPoint(
    Measurement Measurement,
    int IndicatorVersion,
    DateTimeOffset RecordedAt,
    string? CorrectionReason,
    ImmutableList<PointRevision> History)
{
    public Period PeriodOf() => Period.Parse(Measurement.Period);
    /// <summary>The official headline total: no group, and not a residents' perception value.</summary>
    public bool IsHeadline() => Measurement.Disaggregation.Count == 0 && !IsCommunity();
    public bool IsCommunity() => Measurement.Source == SourceKind.Community;
}

/// <summary>
/// A city's series of one indicator: its adoption (definition, baseline, target) and the current value of every
/// period and group. It is both the write state and what reads and exports are computed from.
/// </summary>
public sealed record IndicatorSeries(
    Guid Id,
    string Code,
    IndicatorDefinition Definition,
    bool Local,
    string BaselinePeriod,
    double BaselineValue,
    double? Target,
    int? TargetYear,
    string Department,
    Guid? ConsultationId,
    DateTimeOffset AdoptedAt,
    ImmutableDictionary<string, DataPoint> Points)
{
    /// <summary>The proposal the indicator was co-created from (null: adopted from the catalogue or defined by the city).</summary>
    public IndicatorOrigin? Proposal { get; init; }

    public static IndicatorSeries From(IndicatorAdopted e) => new(
        e.SeriesId, e.Code, e.Definition, e.Local, e.BaselinePeriod, e.BaselineValue, e.Target, e.TargetYear,
        e.Department, e.ConsultationId, e.AdoptedAt, ImmutableDictionary<string, DataPoint>.Empty) { Proposal = e.Proposal };

    public IndicatorSeries Then(MeasurementRecorded e)
    {
        var key = Key(e.Measurement);
        return this with { Points = Points.SetItem(key, Upsert(Points, key, e.Measurement, e.IndicatorVersion, e.RecordedAt, null)) };
    }

    public IndicatorSeries Then(MeasurementCorrected e)
    {
        var key = Key(e.Measurement);
        return this with { Points = Points.SetItem(key, Upsert(Points, key, e.Measurement, e.IndicatorVersion, e.CorrectedAt, e.Reason)) };
    }

    /// <summary>A file's values in one pass: each value's key is computed once, and the points are built once.</summary>
    public IndicatorSeries Then(MeasurementsImported e)
    {
        var points = Points.ToBuilder();
        foreach (var m in e.Measurements)
        {
            var key = Key(m);
            points[key] = Upsert(points, key, m, e.IndicatorVersion, e.ImportedAt, e.Reason);
        }
        return this with { Points = points.ToImmutable() };
    }

    public IndicatorSeries Then(TargetChanged e) => this with { Target = e.Target, TargetYear = e.TargetYear };

    public Period Baseline() => Period.Parse(BaselinePeriod);

    public DataPoint? Find(string period, IReadOnlyDictionary<string, string> groups, SourceKind source = SourceKind.Administrative) =>
        Points.GetValueOrDefault(Disaggregation.PointKey(period, groups, source));

    private static string Key(Measurement m) => Disaggregation.PointKey(m.Period, m.Disaggregation, m.Source);

    private static DataPoint Upsert(IReadOnlyDictionary<string, DataPoint> points, string key, Measurement m, int version, DateTimeOffset at, string? reason)
    {
        if (!points.TryGetValue(key, out var earlier))
            return new DataPoint(m, version, at, null, []);
        var replaced = new PointRevision(earlier.Measurement.Value, earlier.Measurement.Source, earlier.Measurement.MethodNote, earlier.IndicatorVersion, earlier.RecordedAt);
        return new DataPoint(m, version, at, reason, earlier.History.Add(replaced));
    }
}
