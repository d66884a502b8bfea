using Platform.Api.Demo;
using Platform.Domain.Monitoring;

namespace Platform.Tests.Monitoring;

/// <summary>The demo measurements pass every rule they go through (a refused step would throw) and give varied statuses.</summary>
public class DemoMonitoringTests
{
    [Fact]
    public void Every_demo_city_has_seven_years_of_the_core_indicators_with_varied_progress()
    {
        var statuses = new List<ProgressStatus>();
        foreach (var city in DemoNetwork.Cities)
        {
            var series = DemoMonitoring.Series(city, Guid.NewGuid(), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))
                .Select(s => Assert.IsType<IndicatorSeries>(Evolution<IndicatorSeries>.Fold(s.Events.Select(e =>
                    e is IndicatorAdopted or MeasurementRecorded ? e : throw new InvalidOperationException($"Unexpected {e.GetType().Name}")))))
                .ToList();

            Assert.Equal(20, series.Count);
            Assert.All(series, s => Assert.True(s.Definition.Core));
            foreach (var s in series)
            {
                var headline = s.Points.Values.Where(p => p.IsHeadline()).Select(p => p.Measurement.Period).Order().ToList();
                Assert.Equal(["2020", "2021", "2022", "2023", "2024", "2025"], headline);
                Assert.Equal("2019", s.BaselinePeriod);
            }
            Assert.Contains(series, s => s.Points.Values.Any(p => p.Measurement.Disaggregation.ContainsKey("sex")));
            Assert.Contains(series, s => s.Points.Values.Any(p => p.Measurement.Disaggregation.ContainsKey("district")));
            statuses.AddRange(series.Select(s => SeriesStatus.Of(s).Progress.Status));
        }
        Assert.Equal(60, statuses.Count);
        Assert.True(statuses.Distinct().Count() >= 4, string.Join(", ", statuses.Distinct()));
        Assert.DoesNotContain(ProgressStatus.NoData, statuses);
    }
}
