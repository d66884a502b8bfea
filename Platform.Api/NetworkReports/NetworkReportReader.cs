using System.Collections.Immutable;
using Platform.Api.Assessments;
using Platform.Api.GoodPractices;
using Platform.Api.Monitoring;
using Platform.Domain.Assessments;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;

namespace Platform.Api.NetworkReports;

/// <summary>
/// Assembles the network's annual report from the cities' views, read across their tenants in a handful of queries (no
/// event reads). A city is in the year's report when it did something in the year: its residents raised concerns, it
/// published commitments or good practices, adopted one, submitted a framework assessment, was awarded a recognition, or
/// recorded indicator values for a period of the year. A year in which no city did any of these has no report.
/// </summary>
public sealed class NetworkReportReader(NpgsqlDataSource database, PlatformOptions platform, GoodPracticeReader practices, FrameworkCatalogue framework)
{
    /// <summary>Statuses that count as "off track" among the common challenges.</summary>
    public static readonly ProgressStatus[] OffTrack = [ProgressStatus.LimitedProgress, ProgressStatus.Deterioration];

    /// <summary>The report of <paramref name="year"/> (checked already), or null when no city did anything in it.</summary>
    public async Task<NetworkReport?> ReadAsync(IQuerySession session, int year, CancellationToken cancellation)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);

        var concerns = await CountByCityAndRightAsync("concernview",
            "{0}(d.data->>'raisedAt') >= $1 and {0}(d.data->>'raisedAt') < $2 and coalesce((d.data->>'hidden')::boolean, false) = false",
            from, to, cancellation);
        var broken = await CountByCityAndRightAsync("commitmentview",
            "(({0}(d.data->>'overdueSince') >= $1 and {0}(d.data->>'overdueSince') < $2) or ({0}(d.data->>'abandonedAt') >= $1 and {0}(d.data->>'abandonedAt') < $2))",
            from, to, cancellation);
        var published = await CountByCityAsync("commitmentview", "{0}(d.data->>'publishedAt') >= $1 and {0}(d.data->>'publishedAt') < $2", from, to, cancellation);
        var raised = await CountByCityAsync("concernview",
            "{0}(d.data->>'raisedAt') >= $1 and {0}(d.data->>'raisedAt') < $2 and coalesce((d.data->>'hidden')::boolean, false) = false", from, to, cancellation);

        var yearPractices = await practices.PublishedAsync(session, from, to, cancellation);
        var adoptions = (await practices.AdoptionsAsync(session, from, to, cancellation)).GroupBy(a => a.City).ToDictionary(g => g.Key, g => g.Count());

        var assessments = await session.Query<AssessmentView>().Where(a => a.AnyTenant() && a.SubmittedAt != null && a.SubmittedAt < to).ToListAsync(cancellation);
        var recognitions = assessments.SelectMany(a => a.Recognitions.Select(r => (a.City, Recognition: r)))
            .Where(r => r.Recognition.AwardedAt < to)
            .GroupBy(r => r.City)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Recognition).OrderByDescending(r => r.Level).ThenByDescending(r => r.AwardedAt).First());
        var assessedInYear = assessments.Where(a => a.SubmittedAt >= from).Select(a => a.City)
            .Concat(recognitions.Where(r => r.Value.AwardedAt >= from).Select(r => r.Key));

        var core = (await IndicatorCatalogue.AllAsync(session, cancellation)).Where(i => i.Core).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var cities = await session.Query<City>().OrderBy(c => c.Id).ToListAsync(cancellation);
        var series = await SeriesAsOfAsync(session, cities, core, year, cancellation);
        var measuredInYear = series.Where(s => s.Value.Points.Values.Any(p => p.PeriodOf().Year == year)).Select(s => s.Key.City);

        var active = raised.Keys.Concat(published.Keys).Concat(yearPractices.Select(p => p.City)).Concat(adoptions.Keys)
            .Concat(assessedInYear).Concat(measuredInYear).ToHashSet(StringComparer.Ordinal);
        if (active.Count == 0) return null;
        var inReport = cities.Where(c => active.Contains(c.Id)).ToList();

        var coverage = (await FrameworkEndpoints.Coverage(session, framework, cancellation))
            .Where(c => active.Contains(c.City) && c.SubmittedAt < to).ToDictionary(c => c.City);
        var rows = inReport.Select(c => new NetworkReportCity(
            c.Id, c.Names, c.Population,
            recognitions.TryGetValue(c.Id, out var r) ? new CityRecognitionAt(r.Level, r.Cycle, r.AwardedAt) : null,
            coverage.GetValueOrDefault(c.Id),
            raised.GetValueOrDefault(c.Id), published.GetValueOrDefault(c.Id),
            yearPractices.Count(p => p.City == c.Id), adoptions.GetValueOrDefault(c.Id))).ToList();

        var figures = core.Select(i => (Indicator: i, Cities: inReport
                .Where(c => series.ContainsKey((c.Id, i.Code)))
                .Select(c => Figure(c.Id, SeriesDetails.Of(series[(c.Id, i.Code)])))
                .ToList()))
            .ToList();
        var benchmarks = figures.Where(f => f.Cities.Count > 0)
            .Select(f => new YearBenchmark(f.Indicator.Code, f.Indicator.Name, f.Indicator.Right, f.Indicator.Unit, f.Indicator.Direction, f.Cities)).ToList();
        var offTrack = figures
            .Select(f => new IndicatorChallenge(f.Indicator.Code, f.Indicator.Name, f.Indicator.Right,
                f.Cities.Where(c => OffTrack.Contains(c.Status)).Select(c => c.City).ToList()))
            .Where(c => c.Cities.Count > 0)
            .OrderByDescending(c => c.Cities.Count).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

        var challenges = new CommonChallenges(Ranked(broken, active), offTrack, Ranked(concerns, active));
        return new NetworkReport(year, rows, benchmarks, yearPractices, challenges);
    }

    private static YearFigure Figure(string city, SeriesDetails details) => new(city, details.Latest, details.Progress.Status);

    /// <summary>Per right, the counts of the report's cities: the rights of the most cities first, then of the highest count.</summary>
    private static List<RightChallenge> Ranked(Dictionary<(string City, string Right), int> counts, HashSet<string> active)
    {
        var rights = ReferenceCatalogue.Default.Rights;
        return counts.Where(c => active.Contains(c.Key.City))
            .GroupBy(c => c.Key.Right)
            .Select(g => new RightChallenge(g.Key, rights.TryGetValue(g.Key, out var right) ? right.Name : g.Key, g.Sum(c => c.Value),
                g.OrderBy(c => c.Key.City, StringComparer.Ordinal).ToDictionary(c => c.Key.City, c => c.Value)))
            .OrderByDescending(c => c.ByCity.Count).ThenByDescending(c => c.Count).ThenBy(c => c.Right, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The cities' series of the common-core indicators as they stood at the end of the year: adopted with a baseline by
    /// then, values of later periods left out. One query across the tenants; each series' city is found from its id,
    /// which is derived from city and code.
    /// </summary>
    private static async Task<Dictionary<(string City, string Code), IndicatorSeries>> SeriesAsOfAsync(IQuerySession session, IReadOnlyList<City> cities,
        IReadOnlyList<IndicatorDefinition> core, int year, CancellationToken cancellation)
    {
        var codes = core.Select(i => i.Code).ToArray();
        if (codes.Length == 0) return [];
        var owners = cities.SelectMany(c => codes.Select(code => (Id: SeriesStream.Id(c.Id, code), City: c.Id, Code: code))).ToDictionary(x => x.Id, x => (x.City, x.Code));
        var stored = await session.Query<IndicatorSeries>().Where(s => s.AnyTenant() && codes.Contains(s.Code)).ToListAsync(cancellation);
        return stored.Where(s => owners.ContainsKey(s.Id) && s.Baseline().Year <= year)
            .Select(s => s with { Points = s.Points.Where(p => p.Value.PeriodOf().Year <= year).ToImmutableDictionary() })
            .ToDictionary(s => owners[s.Id]);
    }

    /// <summary>How many documents of the view match <paramref name="condition"/> in each city.</summary>
    private async Task<Dictionary<string, int>> CountByCityAsync(string view, string condition, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        var sql = $"select d.tenant_id, count(*)::int from {platform.Schema}.mt_doc_{view} d where {string.Format(condition, Timestamp)} group by 1";
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>How many documents of the view match <paramref name="condition"/>, per city and per right they are tagged with.</summary>
    private async Task<Dictionary<(string City, string Right), int>> CountByCityAndRightAsync(string view, string condition, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellation)
    {
        var sql = $"select d.tenant_id, r.value, count(*)::int from {platform.Schema}.mt_doc_{view} d cross join lateral jsonb_array_elements_text(d.data->'rights') r " +
                  $"where {string.Format(condition, Timestamp)} group by 1, 2";
        var counts = new Dictionary<(string, string), int>();
        await using var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) counts[(reader.GetString(0), reader.GetString(1))] = reader.GetInt32(2);
        return counts;
    }

    /// <summary>The stored function that reads a view's timestamp text as a timestamptz (as the concern list orders by it).</summary>
    private string Timestamp => $"{platform.Schema}.mt_immutable_timestamptz";
}
