using System.Collections.Immutable;
using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>A city's indicator set: its series, and how much of the network's common core it has adopted.</summary>
public sealed record CityIndicatorSet(string City, IReadOnlyList<SeriesDetails> Indicators, CoreCoverage Core);

/// <summary>The common core in a city: how many indicators it has, how many the city adopted, and those it has not.</summary>
public sealed record CoreCoverage(int Required, int Adopted, bool Complete, IReadOnlyList<CoreIndicatorName> Missing);

/// <summary>A common-core indicator the city has not adopted.</summary>
public sealed record CoreIndicatorName(string Code, string Name);

/// <summary>One series with every current value.</summary>
public sealed record SeriesWithValues(SeriesDetails Series, IReadOnlyList<SeriesValueDetails> Values);

/// <summary>A current value of a series (with the values corrections replaced, in <see cref="History"/>).</summary>
public sealed record SeriesValueDetails(
    string Period, IReadOnlyDictionary<string, string> Disaggregation, double Value, double? Denominator, SourceKind Source,
    string? MethodNote, string? GeoCode, int IndicatorVersion, DateTimeOffset RecordedAt, string? CorrectionReason,
    ImmutableList<PointRevision> History);

/// <summary>Reads a city's series documents (the session is of the city) and the network catalogue, for the API and the pages.</summary>
public sealed class MonitoringReader
{
    public async Task<CityIndicatorSet> ListAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        var series = await session.Query<IndicatorSeries>().OrderBy(s => s.Code).ToListAsync(cancellation);
        var adopted = series.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var core = (await IndicatorCatalogue.AllAsync(session, cancellation)).Where(i => i.Core).ToList();
        var missing = core.Where(i => !adopted.Contains(i.Code)).Select(i => new CoreIndicatorName(i.Code, i.Name)).ToList();
        return new CityIndicatorSet(city, series.Select(s => SeriesDetails.Of(s, city)).ToList(),
            new CoreCoverage(core.Count, core.Count - missing.Count, missing.Count == 0, missing));
    }

    /// <summary>The city's series of <paramref name="code"/>, null when the city has not adopted it.</summary>
    public Task<IndicatorSeries?> SeriesAsync(IQuerySession session, string city, string code, CancellationToken cancellation) =>
        session.LoadAsync<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);

    /// <summary>One series with its status and every current value, null when the city has not adopted it.</summary>
    public async Task<SeriesWithValues?> GetAsync(IQuerySession session, string city, string code, CancellationToken cancellation)
    {
        var series = await SeriesAsync(session, city, code, cancellation);
        if (series is null) return null;
        var values = series.Points.Values.OrderBy(p => p.PeriodOf()).ThenBy(p => Disaggregation.Key(p.Measurement.Disaggregation), StringComparer.Ordinal)
            .Select(p => new SeriesValueDetails(
                p.Measurement.Period, p.Measurement.Disaggregation, p.Measurement.Value, p.Measurement.Denominator, p.Measurement.Source,
                p.Measurement.MethodNote, p.Measurement.GeoCode, p.IndicatorVersion, p.RecordedAt, p.CorrectionReason, p.History))
            .ToList();
        return new SeriesWithValues(SeriesDetails.Of(series, city), values);
    }

    /// <summary>The definition a series' values are checked against: the catalogue's current revision, or a local indicator's own.</summary>
    public async Task<IndicatorDefinition> CurrentDefinitionAsync(IQuerySession session, IndicatorSeries series, CancellationToken cancellation) =>
        IndicatorSeriesDecider.Current(series, series.Local ? null : await IndicatorCatalogue.FindAsync(session, series.Code, cancellation));

    /// <summary>The benchmark of every common-core indicator across the network.</summary>
    /// <param name="session">Any session: the series are read across the cities' tenants.</param>
    public async Task<NetworkIndicators> NetworkAsync(IQuerySession session, CancellationToken cancellation)
    {
        var core = (await IndicatorCatalogue.AllAsync(session, cancellation)).Where(i => i.Core).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        return new NetworkIndicators(NetworkIndicatorEndpoints.FrameworkCoverageUrl, await BenchmarksAsync(session, core, cancellation));
    }

    /// <summary>One catalogue indicator across the network; null when the catalogue has no such code.</summary>
    public async Task<IndicatorBenchmark?> NetworkIndicatorAsync(IQuerySession session, string code, CancellationToken cancellation) =>
        await IndicatorCatalogue.FindAsync(session, code, cancellation) is { } indicator ? (await BenchmarksAsync(session, [indicator], cancellation))[0] : null;

    /// <summary>
    /// Per indicator, every city of the network (in slug order), adopted or not: read from the cities' series documents
    /// (one query across tenants, their ids derived from city and code), never from events.
    /// </summary>
    private static async Task<IReadOnlyList<IndicatorBenchmark>> BenchmarksAsync(IQuerySession session, IReadOnlyList<IndicatorDefinition> indicators,
        CancellationToken cancellation)
    {
        var cities = await session.Query<City>().OrderBy(c => c.Id).ToListAsync(cancellation);
        var owners = cities.SelectMany(c => indicators.Select(i => (Id: SeriesStream.Id(c.Id, i.Code), City: c.Id, i.Code)))
            .ToDictionary(x => x.Id, x => (x.City, x.Code));
        var ids = owners.Keys.ToArray();
        var series = (await session.Query<IndicatorSeries>().Where(s => s.AnyTenant() && ids.Contains(s.Id)).ToListAsync(cancellation))
            .Where(s => owners.ContainsKey(s.Id))
            .ToDictionary(s => owners[s.Id]);
        return indicators.Select(i => new IndicatorBenchmark(
            i.Code, i.Name, i.Right, i.Type, i.Unit, i.UnitKind, i.Direction, NetworkFigures.Normalised(i.UnitKind),
            cities.Select(c => NetworkFigures.CityFigure(c, series.GetValueOrDefault((c.Id, i.Code)))).ToList())).ToList();
    }
}
