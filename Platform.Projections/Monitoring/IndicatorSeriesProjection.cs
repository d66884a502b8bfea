using Platform.Domain.Monitoring;

namespace Platform.Projections.Monitoring;

/// <summary>
/// Keeps <see cref="IndicatorSeries"/> (Platform.Domain) as an inline snapshot: the write state, and what a
/// series' reads, status and exports are computed from, committed with the measurement that changed it.
/// </summary>
public partial class IndicatorSeriesProjection : SingleStreamProjection<IndicatorSeries, Guid>
{
    public static IndicatorSeries Create(IndicatorAdopted e) => IndicatorSeries.Create(e);
    public static IndicatorSeries Apply(MeasurementRecorded e, IndicatorSeries state) => state.Apply(e);
    public static IndicatorSeries Apply(MeasurementCorrected e, IndicatorSeries state) => state.Apply(e);
    public static IndicatorSeries Apply(MeasurementsImported e, IndicatorSeries state) => state.Apply(e);
    public static IndicatorSeries Apply(TargetChanged e, IndicatorSeries state) => state.Apply(e);
}
