using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>
/// The network benchmark: every common-core indicator with each city's latest value side by side. Read from the
/// cities' series documents (one query across tenants, their ids derived from city and code), never from events.
/// </summary>
public static class NetworkIndicatorEndpoints
{
    /// <summary>Where framework coverage per city is shown: the network views link to it rather than repeat it.</summary>
    public const string FrameworkCoverageUrl = "/api/network/framework-coverage";

    [WolverineGet("/api/network/indicators", OperationId = "getNetworkIndicators")]
    public static Task<NetworkIndicators> List(IQuerySession session, MonitoringReader reader, CancellationToken cancellation) =>
        reader.NetworkAsync(session, cancellation);

    [WolverineGet("/api/network/indicators/{code}", OperationId = "getNetworkIndicator")]
    public static async Task<IResult> Get(string code, IQuerySession session, MonitoringReader reader, CancellationToken cancellation) =>
        await reader.NetworkIndicatorAsync(session, code, cancellation) is { } benchmark
            ? Results.Ok(new { FrameworkCoverage = FrameworkCoverageUrl, Indicator = benchmark })
            : Problems.NotFound("indicator");
}

/// <summary>The benchmark of every core indicator, and where framework coverage per city is.</summary>
public sealed record NetworkIndicators(string FrameworkCoverage, IReadOnlyList<IndicatorBenchmark> Indicators);

/// <summary>
/// One indicator across the network. <paramref name="PerHundredThousand"/>: the unit is a count, so each city's value
/// is also given per 100,000 inhabitants (from the city's population) to compare cities of different sizes.
/// </summary>
public sealed record IndicatorBenchmark(
    string Code, string Name, string Right, IndicatorType Type, string Unit, UnitKind UnitKind, DesiredDirection Direction,
    bool PerHundredThousand, IReadOnlyList<CityIndicatorFigure> Cities);

/// <summary>
/// A city's figure for one indicator: <paramref name="Adopted"/> false (and the rest null) when it has no series;
/// <paramref name="Normalised"/> is the latest value per 100,000 inhabitants for count indicators with a known population.
/// </summary>
public sealed record CityIndicatorFigure(
    string City, long? Population, bool Adopted, PeriodValue? Latest, double? Normalised, PeriodValue? Previous, Trend? Trend,
    ProgressStatus? Status, double? Target, int? TargetYear, PeriodValue? Community);

/// <summary>How a city's series becomes its figure in the benchmark.</summary>
public static class NetworkFigures
{
    public const double PerInhabitants = 100_000;

    public static bool Normalised(UnitKind kind) => kind == UnitKind.Count;

    /// <summary>value × 100,000 / population, to two decimals; null without a population.</summary>
    public static double? PerHundredThousand(double value, long? population) =>
        population is > 0 ? Math.Round(value * PerInhabitants / population.Value, 2) : null;

    public static CityIndicatorFigure CityFigure(City city, IndicatorSeries? series)
    {
        if (series is null) return new CityIndicatorFigure(city.Id, city.Population, false, null, null, null, null, null, null, null, null);
        var details = SeriesDetails.Of(series);
        var normalised = Normalised(series.Definition.UnitKind) && details.Latest is { } latest ? PerHundredThousand(latest.Value, city.Population) : null;
        return new CityIndicatorFigure(city.Id, city.Population, true, details.Latest, normalised, details.Previous, details.Trend,
            details.Progress.Status, series.Target, series.TargetYear, details.Community);
    }
}
