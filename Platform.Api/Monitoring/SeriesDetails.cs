using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>A city's series as the API shows it: definition, baseline and target, latest value, trend, progress status and gaps.</summary>
public sealed record SeriesDetails(
    string Code, string Name, string Right, IndicatorType Type, bool Core, bool Local, string Unit, UnitKind UnitKind,
    DesiredDirection Direction, int IndicatorVersion, PeriodValue Baseline, double? Target, int? TargetYear,
    string Department, Guid? ConsultationId, DateTimeOffset AdoptedAt, int Values,
    PeriodValue? Latest, PeriodValue? Previous, Trend? Trend, Progress Progress, IReadOnlyList<DisaggregationGap> Gaps,
    PeriodValue? Community)
{
    public static SeriesDetails Of(IndicatorSeries s)
    {
        var status = SeriesStatus.Of(s);
        var d = s.Definition;
        return new SeriesDetails(s.Code, d.Name, d.Right, d.Type, d.Core, s.Local, d.Unit, d.UnitKind, d.Direction, d.Version,
            new PeriodValue(s.BaselinePeriod, s.BaselineValue), s.Target, s.TargetYear, s.Department, s.ConsultationId, s.AdoptedAt,
            s.Points.Count, status.Latest, status.Previous, status.Trend, status.Progress, status.Gaps, LatestCommunity(s));
    }

    /// <summary>The latest headline value from residents' perception surveys, shown beside the official one (never mixed into its status).</summary>
    private static PeriodValue? LatestCommunity(IndicatorSeries s) =>
        s.Points.Values.Where(p => p.IsCommunity() && p.Measurement.Disaggregation.Count == 0).MaxBy(p => p.PeriodOf()) is { } p
            ? new PeriodValue(p.Measurement.Period, p.Measurement.Value) : null;
}
