using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Api.Demo;

/// <summary>
/// Demo measurements: the 20 common-core indicators in every demo city, a baseline in 2019 and a value each year
/// 2020-2025, with 2025 broken down by sex and by district where the indicator declares them. Made-up but plausible
/// values (demo data, not the cities' statistics); each city moves at its own pace per indicator, so progress
/// statuses vary. Written through the Monitoring decider: a refused step throws.
/// </summary>
public static class DemoMonitoring
{
    public const int BaselineYear = 2019, LastYear = 2025, TargetYear = 2030;

    /// <summary>Per core indicator: a typical 2019 value and a good yearly change (in the desired direction).</summary>
    private static readonly Dictionary<string, (double Baseline, double Step)> Typical = new()
    {
        ["IND-013"] = (82, 1.2), ["IND-016"] = (95, -6), ["IND-017"] = (96.5, 0.4), ["IND-020"] = (18, -0.8),
        ["IND-035"] = (9.5, -0.3), ["IND-045"] = (21, -1.1), ["IND-050"] = (6.8, -0.35), ["IND-051"] = (14, -0.7),
        ["IND-054"] = (11, -0.5), ["IND-058"] = (16, -0.6), ["IND-059"] = (13, -0.45), ["IND-063"] = (19, -0.9),
        ["IND-064"] = (240, -12), ["IND-067"] = (0, 1), ["IND-069"] = (34, 2), ["IND-072"] = (68, 1.5),
        ["IND-073"] = (9, -0.4), ["IND-075"] = (0, 1), ["IND-076"] = (71, 3), ["IND-078"] = (8, -0.3),
    };

    /// <summary>How fast a city moves, as a share of the good yearly change: ahead, on the way, stalling, going backwards.</summary>
    private static readonly double[] Paces = [1.3, 0.75, 0.25, -0.6];

    private static readonly Dictionary<string, string[]> Districts = new()
    {
        ["york"] = ["Tang Hall", "Clifton", "Acomb"],
        ["utrecht"] = ["Overvecht", "Kanaleneiland", "Binnenstad"],
        ["lviv"] = ["Sykhiv", "Frankivskyi", "Halytskyi"],
    };

    public static async Task SeedAsync(IDocumentStore store, City city, DateTimeOffset now, CancellationToken cancellation)
    {
        Guid official;
        await using (var query = store.QuerySession())
            official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{city.Id}.demo", cancellation)).Id;
        await using var session = store.LightweightSession(city.Id);
        foreach (var (id, events) in Series(city, official, now))
            session.Events.StartStream<IndicatorSeries>(id, events);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>The events of every demo series of <paramref name="city"/>, decided step by step (the demo test runs this).</summary>
    public static IEnumerable<(Guid Id, IReadOnlyList<object> Events)> Series(City city, Guid official, DateTimeOffset now)
    {
        var cityIndex = Array.FindIndex(DemoNetwork.Cities, c => c.Id == city.Id);
        var core = IndicatorReference.Indicators.Values.Where(i => i.Core).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        for (var n = 0; n < core.Count; n++)
        {
            var definition = core[n];
            var (typical, step) = Typical[definition.Code];
            var pace = Paces[(cityIndex + n) % Paces.Length];
            var id = SeriesStream.Id(city.Id, definition.Code);
            var events = new List<object>();
            var baseline = Valid(definition, typical * (1 + 0.08 * (cityIndex - 1)));
            var structural = definition.UnitKind == UnitKind.YesNo;
            var adopt = new AdoptIndicator(id, official, definition.Code, new BaselineInput(BaselineYear.ToString(), structural ? 0 : baseline),
                structural ? 1 : Valid(definition, baseline + step * (TargetYear - BaselineYear)), TargetYear, DepartmentOf(definition), null, null) { Catalogued = definition };
            var series = Apply(null, IndicatorSeriesDecider.Decide(adopt, null, now), events);

            for (var year = BaselineYear + 1; year <= LastYear; year++)
            {
                var wobble = 0.15 * step * Math.Sin(year + n + cityIndex); // years are never quite on the line
                var value = structural
                    ? (pace > 0.5 && year >= BaselineYear + 2 + cityIndex ? 1 : 0)
                    : Valid(definition, baseline + pace * step * (year - BaselineYear) + wobble);
                var denominator = definition.UnitKind == UnitKind.Rate ? city.Population : null;
                series = Apply(series, IndicatorSeriesDecider.Decide(
                    new RecordMeasurement(id, definition.Code, official, new MeasurementInput(year.ToString(), value, denominator, null, "Demo data.", null, null, null, null))
                        { Catalogued = definition },
                    series, now), events);
                if (year == LastYear && !structural && definition.UnitKind != UnitKind.Rate)
                    foreach (var groups in Groups(definition, city.Id))
                        series = Apply(series, IndicatorSeriesDecider.Decide(
                            new RecordMeasurement(id, definition.Code, official,
                                new MeasurementInput(year.ToString(), Valid(definition, value * groups.Factor), null, null, "Demo data.", groups.Groups, null, null, null))
                                { Catalogued = definition },
                            series, now), events);
            }
            yield return (id, events);
        }
    }

    /// <summary>Women and men a little apart, and the city's districts around the headline (the first the most deprived).</summary>
    private static IEnumerable<(Dictionary<string, string?> Groups, double Factor)> Groups(IndicatorDefinition definition, string city)
    {
        if (definition.Declares("sex") && definition.UnitKind != UnitKind.Count)
        {
            yield return (new() { ["sex"] = "female" }, 1.06);
            yield return (new() { ["sex"] = "male" }, 0.94);
        }
        if (definition.Declares("district"))
        {
            var worse = definition.Direction == DesiredDirection.Decrease ? 1.25 : 0.85;
            var districts = Districts.GetValueOrDefault(city) ?? [];
            double[] factors = definition.UnitKind == UnitKind.Count ? [0.45, 0.3, 0.25] : [worse, 1.0, 2 - worse];
            for (var i = 0; i < districts.Length && i < factors.Length; i++)
                yield return (new() { ["district"] = districts[i] }, factors[i]);
        }
    }

    private static double Valid(IndicatorDefinition definition, double value) => definition.UnitKind switch
    {
        UnitKind.Percentage => Math.Round(Math.Clamp(value, 0, 100), 1),
        UnitKind.Count => Math.Max(0, Math.Round(value)),
        UnitKind.Difference => Math.Round(value, 1),
        _ => Math.Round(Math.Max(0, value), 1),
    };

    private static string DepartmentOf(IndicatorDefinition definition) => definition.Right switch
    {
        "housing" => "Housing",
        "health" => "Public Health",
        "education" => "Education",
        "work" or "social-security" => "Economy and Social Affairs",
        "participation" or "expression-information" => "Democracy and Participation",
        _ => "Equalities and Community Safety",
    };

    private static IndicatorSeries? Apply(IndicatorSeries? series, Decision decision, List<object> events)
    {
        if (decision.IsRefused) throw new InvalidOperationException($"Demo measurement refused: {decision.Errors[0].Message}");
        foreach (var e in decision.Events)
        {
            events.Add(e);
            series = Evolution<IndicatorSeries>.Then(series, e);
        }
        return series;
    }
}
