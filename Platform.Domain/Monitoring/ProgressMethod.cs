namespace Platform.Domain.Monitoring;

/// <summary>
/// How a status was reached: the growth rate actually achieved since the baseline, the rate needed to reach the
/// target by the target year, their ratio, and which formula gave them (<c>cagr</c>, <c>linear</c> for
/// baselines where a growth rate is undefined, <c>fixed-thresholds</c> without a target).
/// </summary>
public sealed record Progress(ProgressStatus Status, double? ActualRate, double? RequiredRate, double? Ratio, string Method);

/// <summary>
/// The progress status of the Open SDG platforms (after Statistics Canada and Eurostat). With a target: the
/// compound annual growth rate since the baseline, CAGR = (x_t / x_0)^(1/(t - t_0)) - 1, against the rate
/// needed, (x* / x_0)^(1/(T - t_0)) - 1; ratio = actual / needed: at least 95 % on track, 60-95 % acceleration
/// needed, 0-60 % limited progress, below 0 deterioration; a met target is achieved. Without a target: the CAGR
/// read in the desired direction against fixed thresholds, 1.5 % and 0.5 % a year.
/// </summary>
public static class ProgressMethod
{
    public const double OnTrackRatio = 0.95;
    public const double AccelerationRatio = 0.60;
    public const double SubstantialGrowth = 0.015;
    public const double ModerateGrowth = 0.005;

    /// <summary>
    /// The status of a series from its baseline to its latest value. <paramref name="latest"/> is null (or at the
    /// baseline period) when nothing was measured after the baseline: no data, unless the baseline meets the target.
    /// </summary>
    public static Progress Assess(double baseline, Period baselinePeriod, double? latest, Period? latestPeriod,
        double? target, int? targetYear, DesiredDirection direction)
    {
        var sign = direction == DesiredDirection.Increase ? 1.0 : -1.0;
        var current = latest ?? baseline;
        if (target is { } goal && sign * (current - goal) >= 0)
            return new(ProgressStatus.Achieved, null, null, null, "target-met");

        if (latest is not { } x || latestPeriod is not { } p || p.Position <= baselinePeriod.Position)
            return new(ProgressStatus.NoData, null, null, null, "none");
        var years = p.Position - baselinePeriod.Position;

        if (target is { } aim && targetYear is { } year)
        {
            var horizon = year - baselinePeriod.Position;
            // A growth rate needs positive values to start from and aim at; otherwise compare yearly changes.
            var useCagr = baseline > 0 && x >= 0 && aim >= 0;
            var actual = useCagr ? Cagr(baseline, x, years) : (x - baseline) / years;
            var required = useCagr ? Cagr(baseline, aim, horizon) : (aim - baseline) / horizon;
            var method = useCagr ? "cagr" : "linear";
            if (horizon <= 0 || required == 0 || Math.Sign(required) != (int)sign)
            {
                // Target year passed, or the target was already met at the baseline and the series has since
                // fallen short of it: any move against the desired direction is deterioration.
                var status = sign * actual > 0 ? ProgressStatus.LimitedProgress : ProgressStatus.Deterioration;
                return new(status, actual, required, null, method);
            }
            var ratio = actual / required;
            return new(ByRatio(ratio), actual, required, ratio, method);
        }

        if (baseline > 0 && x >= 0)
        {
            var growth = sign * Cagr(baseline, x, years);
            return new(ByGrowth(growth), sign * growth, null, null, "fixed-thresholds");
        }
        if (baseline != 0)
        {
            // A negative baseline (a gap, a difference): yearly change relative to its size.
            var growth = sign * (x - baseline) / Math.Abs(baseline) / years;
            return new(ByGrowth(growth), sign * growth, null, null, "fixed-thresholds-linear");
        }
        // From zero no rate exists: only the direction of the move can be read.
        var move = sign * x;
        var byMove = move > 0 ? ProgressStatus.OnTrack : move < 0 ? ProgressStatus.Deterioration : ProgressStatus.LimitedProgress;
        return new(byMove, x / years, null, null, "direction-only");
    }

    public static double Cagr(double from, double to, double years) => Math.Pow(to / from, 1 / years) - 1;

    public static ProgressStatus ByRatio(double ratio) => ratio switch
    {
        >= OnTrackRatio => ProgressStatus.OnTrack,
        >= AccelerationRatio => ProgressStatus.AccelerationNeeded,
        >= 0 => ProgressStatus.LimitedProgress,
        _ => ProgressStatus.Deterioration,
    };

    public static ProgressStatus ByGrowth(double growth) => growth switch
    {
        >= SubstantialGrowth => ProgressStatus.OnTrack,
        >= ModerateGrowth => ProgressStatus.AccelerationNeeded,
        >= 0 => ProgressStatus.LimitedProgress,
        _ => ProgressStatus.Deterioration,
    };

    /// <summary>The latest value against the one before, read in the desired direction.</summary>
    public static Trend? TrendOf(double? previous, double? latest, DesiredDirection direction)
    {
        if (previous is not { } a || latest is not { } b) return null;
        var change = (b - a) * (direction == DesiredDirection.Increase ? 1 : -1);
        return Math.Abs(b - a) < 1e-9 ? Trend.Stable : change > 0 ? Trend.Improving : Trend.Worsening;
    }
}
