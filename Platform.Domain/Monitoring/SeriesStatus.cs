namespace Platform.Domain.Monitoring;

/// <summary>A value at a period.</summary>
public sealed record PeriodValue(string Period, double Value);

/// <summary>One group of a dimension at the latest period: its value and its distance from the headline.</summary>
public sealed record GroupValue(string Group, double Value, double? DifferenceFromHeadline);

/// <summary>
/// A disaggregation gap at <paramref name="Period"/>: every group of one dimension (women and men, each district),
/// the headline, and the spread between the lowest and the highest group.
/// </summary>
public sealed record DisaggregationGap(string Dimension, string Period, double? Headline, IReadOnlyList<GroupValue> Groups,
    string Lowest, string Highest, double Spread);

/// <summary>What a series shows at a glance: latest headline value, trend, progress status and gaps.</summary>
public sealed record SeriesStatus(
    PeriodValue? Latest, PeriodValue? Previous, Trend? Trend, Progress Progress, IReadOnlyList<DisaggregationGap> Gaps)
{
    /// <summary>
    /// Computed from the series' points: the headline points in period order (the baseline counts as the first
    /// when no value was recorded for its period), and groups of one dimension at the latest period that has any.
    /// </summary>
    public static SeriesStatus Of(IndicatorSeries series)
    {
        var headline = series.Points.Values.Where(p => p.IsHeadline())
            .Select(p => (Period: p.PeriodOf(), p.Measurement.Value))
            .ToList();
        var baseline = series.Baseline();
        if (!headline.Any(h => h.Period.Equals(baseline))) headline.Add((baseline, series.BaselineValue));
        headline.Sort((a, b) => a.Period.CompareTo(b.Period));

        var latest = headline[^1];
        var previous = headline.Count > 1 ? headline[^2] : default((Period, double)?);
        var direction = series.Definition.Direction;
        var progress = ProgressMethod.Assess(series.BaselineValue, baseline, latest.Value, latest.Period,
            series.Target, series.TargetYear, direction);
        var trend = ProgressMethod.TrendOf(previous?.Item2, latest.Value, direction);
        return new SeriesStatus(
            new PeriodValue(latest.Period.ToString(), latest.Value),
            previous is { } p ? new PeriodValue(p.Item1.ToString(), p.Item2) : null,
            trend, progress, GapsOf(series));
    }

    public static IReadOnlyList<DisaggregationGap> GapsOf(IndicatorSeries series)
    {
        var single = series.Points.Values.Where(p => p.Measurement.Disaggregation.Count == 1 && !p.IsCommunity()).ToList();
        if (single.Count == 0) return [];
        var latestPeriod = single.Select(p => p.PeriodOf()).Max();
        var period = latestPeriod.ToString();
        var headline = series.Find(period, new Dictionary<string, string>())?.Measurement.Value;
        return single.Where(p => p.Measurement.Period == period)
            .GroupBy(p => p.Measurement.Disaggregation.Keys.Single())
            .OrderBy(g => Array.IndexOf(series.Definition.Disaggregations, g.Key))
            .Select(g =>
            {
                var groups = g.Select(p => new GroupValue(p.Measurement.Disaggregation.Values.Single(), p.Measurement.Value,
                        headline is { } h ? p.Measurement.Value - h : null))
                    .OrderBy(v => v.Group, StringComparer.Ordinal).ToList();
                var lowest = groups.MinBy(v => v.Value)!;
                var highest = groups.MaxBy(v => v.Value)!;
                return new DisaggregationGap(g.Key, period, headline, groups, lowest.Group, highest.Group, highest.Value - lowest.Value);
            })
            .ToList();
    }
}
