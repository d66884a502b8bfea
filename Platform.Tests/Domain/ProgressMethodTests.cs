using Platform.Domain.Monitoring;

namespace Platform.Tests.Domain;

/// <summary>The Open SDG progress status: CAGR ratio thresholds with a target, fixed growth thresholds without, and the edge cases.</summary>
public class ProgressMethodTests
{
    private static readonly Period Base = new(2015, null);
    private static Period Year(int y) => new(y, null);
    private const DesiredDirection Up = DesiredDirection.Increase;
    private const DesiredDirection Down = DesiredDirection.Decrease;

    [Theory]
    // Needed: 100 -> 200 in 10 years, CAGR 7.18 %. Actual over 5 years from 100:
    [InlineData(141.5, ProgressStatus.OnTrack)]            // 7.18 %: ratio 1.0
    [InlineData(140.0, ProgressStatus.OnTrack)]            // 6.96 %: ratio 0.97
    [InlineData(130.0, ProgressStatus.AccelerationNeeded)] // 5.39 %: ratio 0.75
    [InlineData(120.0, ProgressStatus.LimitedProgress)]    // 3.71 %: ratio 0.52
    [InlineData(100.0, ProgressStatus.LimitedProgress)]    // 0: ratio 0
    [InlineData(90.0, ProgressStatus.Deterioration)]       // negative
    [InlineData(200.0, ProgressStatus.Achieved)]
    [InlineData(250.0, ProgressStatus.Achieved)]
    public void With_a_target_the_ratio_of_actual_to_needed_growth_decides(double latest, ProgressStatus expected)
    {
        var progress = ProgressMethod.Assess(100, Base, latest, Year(2020), 200, 2025, Up);
        Assert.Equal(expected, progress.Status);
    }

    [Fact]
    public void The_thresholds_are_95_and_60_percent_of_the_needed_rate()
    {
        Assert.Equal(ProgressStatus.OnTrack, ProgressMethod.ByRatio(0.95));
        Assert.Equal(ProgressStatus.AccelerationNeeded, ProgressMethod.ByRatio(0.9499));
        Assert.Equal(ProgressStatus.AccelerationNeeded, ProgressMethod.ByRatio(0.60));
        Assert.Equal(ProgressStatus.LimitedProgress, ProgressMethod.ByRatio(0.5999));
        Assert.Equal(ProgressStatus.LimitedProgress, ProgressMethod.ByRatio(0));
        Assert.Equal(ProgressStatus.Deterioration, ProgressMethod.ByRatio(-0.0001));
    }

    [Fact]
    public void The_ratio_is_the_actual_CAGR_over_the_needed_CAGR()
    {
        var progress = ProgressMethod.Assess(100, Base, 130, Year(2020), 200, 2025, Up);
        var actual = Math.Pow(1.3, 1 / 5.0) - 1;
        var needed = Math.Pow(2.0, 1 / 10.0) - 1;
        Assert.Equal("cagr", progress.Method);
        Assert.Equal(actual, progress.ActualRate!.Value, 10);
        Assert.Equal(needed, progress.RequiredRate!.Value, 10);
        Assert.Equal(actual / needed, progress.Ratio!.Value, 10);
    }

    [Theory]
    [InlineData(40.0, ProgressStatus.OnTrack)]            // homelessness 60 -> 40 in 5 years, target 30 by 2025: both rates negative
    [InlineData(55.0, ProgressStatus.LimitedProgress)]
    [InlineData(70.0, ProgressStatus.Deterioration)]
    [InlineData(30.0, ProgressStatus.Achieved)]
    [InlineData(10.0, ProgressStatus.Achieved)]
    public void A_desired_decrease_reads_falling_values_as_progress(double latest, ProgressStatus expected)
    {
        Assert.Equal(expected, ProgressMethod.Assess(60, Base, latest, Year(2020), 30, 2025, Down).Status);
    }

    [Fact]
    public void A_target_met_at_the_baseline_is_achieved_until_the_value_falls_short_of_it()
    {
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Assess(100, Base, null, null, 90, 2025, Up).Status);
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Assess(100, Base, 95, Year(2020), 90, 2025, Up).Status);
        Assert.Equal(ProgressStatus.Deterioration, ProgressMethod.Assess(100, Base, 80, Year(2020), 90, 2025, Up).Status);
    }

    [Fact]
    public void A_zero_or_negative_baseline_falls_back_to_yearly_changes()
    {
        // Forced evictions from 0 (a count), target 0: any eviction is a deterioration; none is achieved.
        Assert.Equal(ProgressStatus.Achieved, ProgressMethod.Assess(0, Base, 0, Year(2020), 0, 2025, Down).Status);
        var worse = ProgressMethod.Assess(0, Base, 5, Year(2020), 0, 2025, Down);
        Assert.Equal(ProgressStatus.Deterioration, worse.Status);
        // A gap of -4 points (girls behind) to close to 0 by 2025; -2 after 5 of 10 years: on the linear path.
        var gap = ProgressMethod.Assess(-4, Base, -2, Year(2020), 0, 2025, Up);
        Assert.Equal("linear", gap.Method);
        Assert.Equal(ProgressStatus.OnTrack, gap.Status);
        Assert.Equal(ProgressStatus.AccelerationNeeded, ProgressMethod.Assess(-4, Base, -2.6, Year(2020), 0, 2025, Up).Status);
    }

    [Fact]
    public void Reaching_zero_for_a_desired_decrease_is_a_CAGR_of_minus_100_percent()
    {
        var progress = ProgressMethod.Assess(50, Base, 0, Year(2020), 10, 2025, Down);
        Assert.Equal(ProgressStatus.Achieved, progress.Status);
        var halfway = ProgressMethod.Assess(50, Base, 25, Year(2020), 0, 2025, Down);
        Assert.Equal(ProgressStatus.LimitedProgress, halfway.Status); // -12.9 %/yr against the -100 % a target of 0 needs
    }

    [Theory]
    [InlineData(110.0, ProgressStatus.OnTrack)]            // +1.92 %/yr
    [InlineData(105.0, ProgressStatus.AccelerationNeeded)] // +0.98 %/yr
    [InlineData(101.0, ProgressStatus.LimitedProgress)]    // +0.20 %/yr
    [InlineData(100.0, ProgressStatus.LimitedProgress)]
    [InlineData(99.0, ProgressStatus.Deterioration)]
    public void Without_a_target_fixed_thresholds_of_1_5_and_0_5_percent_a_year_apply(double latest, ProgressStatus expected)
    {
        var progress = ProgressMethod.Assess(100, Base, latest, Year(2020), null, null, Up);
        Assert.Equal(expected, progress.Status);
        Assert.Equal("fixed-thresholds", progress.Method);
    }

    [Fact]
    public void Without_a_target_a_desired_decrease_mirrors_the_thresholds()
    {
        Assert.Equal(ProgressStatus.OnTrack, ProgressMethod.Assess(100, Base, 90, Year(2020), null, null, Down).Status);
        Assert.Equal(ProgressStatus.Deterioration, ProgressMethod.Assess(100, Base, 110, Year(2020), null, null, Down).Status);
        Assert.Equal(ProgressStatus.OnTrack, ProgressMethod.Assess(0, Base, 3, Year(2020), null, null, Up).Status);
        Assert.Equal(ProgressStatus.Deterioration, ProgressMethod.Assess(0, Base, 3, Year(2020), null, null, Down).Status);
    }

    [Fact]
    public void Nothing_after_the_baseline_is_no_data_and_quarters_count_as_fractions_of_a_year()
    {
        Assert.Equal(ProgressStatus.NoData, ProgressMethod.Assess(100, Base, null, null, 200, 2025, Up).Status);
        Assert.Equal(ProgressStatus.NoData, ProgressMethod.Assess(100, Base, 120, Base, 200, 2025, Up).Status);
        var quarterly = ProgressMethod.Assess(100, new Period(2024, 1), 101, new Period(2024, 3), null, null, Up);
        Assert.Equal(Math.Pow(1.01, 2.0) - 1, quarterly.ActualRate!.Value, 10); // half a year
    }

    [Theory]
    [InlineData(10.0, 12.0, DesiredDirection.Increase, Trend.Improving)]
    [InlineData(10.0, 12.0, DesiredDirection.Decrease, Trend.Worsening)]
    [InlineData(10.0, 10.0, DesiredDirection.Decrease, Trend.Stable)]
    public void The_trend_reads_the_last_change_in_the_desired_direction(double previous, double latest, DesiredDirection direction, Trend expected)
    {
        Assert.Equal(expected, ProgressMethod.TrendOf(previous, latest, direction));
        Assert.Null(ProgressMethod.TrendOf(null, latest, direction));
    }
}
