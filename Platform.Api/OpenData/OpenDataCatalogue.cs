using Platform.Api.Assessments;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Monitoring;
using Platform.Api.Scorecards;
using Platform.Domain.Assessments;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Api.OpenData;

/// <summary>
/// Every public view offered as open data, with its data dictionary. Rows come from the readers the API's own
/// views use (public visibility: hidden concerns, drafts and reviews in progress are left out as they are on the views),
/// given to it when it is made (a singleton of the Open data feature).
/// </summary>
public sealed class OpenDataCatalogue(ConcernReader concerns, CommitmentReader commitments, ScorecardReader accountability,
    MonitoringReader monitoring, FrameworkCatalogue framework)
{
    private static OpenDataField F(string name, string type, string meaning) => new(name, type, meaning);

    private static readonly OpenDataField[] LevelFields = Enum.GetValues<AssessmentLevel>()
        .Select(l => F(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(l.ToString()), "integer", $"Items of the section at the level '{l}'."))
        .ToArray();

    /// <summary>Every dataset, in the order of the data dictionary.</summary>
    public IReadOnlyList<OpenDataSet> Sets => field ??= BuildSets();

    private IReadOnlyList<OpenDataSet> BuildSets() =>
    [
        new("concerns", OpenDataScope.City, "Residents' concerns", "Every public concern of the city, newest first.", "/api/cities/{city}/concerns",
            [
                F("id", "uuid", "The concern."), F("title", "text", "As the resident wrote it."),
                F("rights", "list", "Rights taxonomy codes (see /api/rights), ';'-separated."), F("sdgTargets", "list", "SDG targets, ';'-separated."),
                F("district", "text", "District, when given."), F("status", "code", "raised, acknowledged, answered, resolved, declined (see docs/concerns.md)."),
                F("supports", "integer", "Residents supporting it."), F("department", "text", "Department that acknowledged it."),
                F("raisedAt", "instant", "When it was raised (ISO 8601, UTC)."), F("responseDue", "instant", "When the council's answer is due."),
                F("answeredAt", "instant", "When the council answered."), F("closedAt", "instant", "When it was resolved or declined."),
            ],
            async r =>
            {
                var (items, _) = await concerns.ListAsync(r.City!, new ConcernQuery(PageSize: int.MaxValue), null, r.Cancellation);
                return items.Select(c => new object?[] { c.Id, c.Title, c.Rights, c.SdgTargets, c.District, c.Status, c.Supports, c.Department, c.RaisedAt, c.ResponseDue, c.AnsweredAt, c.ClosedAt });
            }),
        new("commitments", OpenDataScope.City, "Commitments", "Every commitment of the city with its status and progress.", "/api/cities/{city}/commitments",
            [
                F("id", "uuid", "The commitment."), F("parentId", "uuid", "The commitment it is part of, if any."), F("title", "text", "What the city undertakes."),
                F("department", "text", "Responsible department."), F("rights", "list", "Rights codes, ';'-separated."), F("sdgTargets", "list", "SDG targets."),
                F("indicatorCodes", "list", "Indicators that measure it."), F("dueDate", "date", "Due date (yyyy-MM-dd, the city's calendar)."),
                F("budget", "number", "Budget, when given."), F("status", "code", "onTrack, atRisk, overdue, fulfilled, abandoned (see docs/commitments.md)."),
                F("progress", "integer", "Percent done (rolled up from sub-commitments when it has any)."), F("publishedAt", "instant", "When it was published."),
            ],
            async r =>
            {
                var (items, _) = await commitments.ListAsync(r.Session, r.City!, new CommitmentQuery(PageSize: int.MaxValue), r.Cancellation);
                return items.Select(c => new object?[] { c.Id, c.ParentId, c.Title, c.Department, c.Rights, c.SdgTargets, c.IndicatorCodes, c.DueDate, c.Budget, c.Status, c.Progress, c.PublishedAt });
            }),
        new("scorecard", OpenDataScope.City, "City scorecard", "The accountability scorecard, one row per figure.", "/api/cities/{city}/scorecard",
            [F("area", "code", "concerns, proposals, commitments or consultations."), F("figure", "code", "The figure (see docs/scorecards.md)."),
             F("value", "number", "Its value (empty when not defined yet, such as a percentage of nothing).")],
            async r =>
            {
                var card = await accountability.ScorecardAsync(r.Session, r.City!, r.Cancellation);
                if (card is null) return [];
                return new (string Area, object Figures)[] { ("concerns", card.Concerns), ("proposals", card.Proposals), ("commitments", card.Commitments), ("consultations", card.Consultations) }
                    .SelectMany(a => a.Figures.GetType().GetProperties().Select(p => new object?[] { a.Area, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.GetValue(a.Figures) }));
            }),
        new("indicators", OpenDataScope.City, "Indicator set", "Every indicator series of the city with its latest value, trend and progress status.", "/api/cities/{city}/indicators",
            [
                F("code", "code", "Indicator code (catalogue or local)."), F("name", "text", "Indicator name."), F("right", "code", "Right it measures."),
                F("type", "code", "structural, process or outcome (OHCHR)."), F("core", "boolean", "In the network's common core."), F("unit", "text", "Unit label."),
                F("direction", "code", "increase or decrease: which way is better."), F("baselinePeriod", "period", "Baseline year or quarter."),
                F("baselineValue", "number", "Baseline value."), F("target", "number", "Target value, if any."), F("targetYear", "integer", "Year the target is due."),
                F("latestPeriod", "period", "Latest official headline period."), F("latestValue", "number", "Latest official headline value."),
                F("trend", "code", "improving, stable or worsening against the previous value."),
                F("status", "code", "Progress status: achieved, onTrack, accelerationNeeded, limitedProgress, deterioration, noData (docs/monitoring.md)."),
                F("communityPeriod", "period", "Latest residents' perception survey period."), F("communityValue", "number", "Its value (source 'community')."),
            ],
            async r =>
            {
                var set = await monitoring.ListAsync(r.Session, r.City!, r.Cancellation);
                return set.Indicators.Select(s => new object?[] { s.Code, s.Name, s.Right, s.Type, s.Core, s.Unit, s.Direction,
                    s.Baseline.Period, s.Baseline.Value, s.Target, s.TargetYear, s.Latest?.Period, s.Latest?.Value, s.Trend, s.Progress.Status,
                    s.Community?.Period, s.Community?.Value });
            }),
        new("indicator-values", OpenDataScope.City, "Indicator values", "Every current value of every series of the city (all groups, all sources).", "/api/cities/{city}/indicators/{code}",
            [
                F("code", "code", "Indicator code."), F("period", "period", "Year (2024) or quarter (2024-Q2)."),
                F("disaggregation", "text", "Groups as dimension=group, ';'-separated; empty for the headline total."),
                F("value", "number", "The value, in the indicator's unit."), F("denominator", "number", "Population a rate was computed over."),
                F("source", "code", "events, administrative, survey, expert or community (residents' perception survey)."),
                F("methodNote", "text", "How it was measured."), F("geoCode", "text", "Geographic code, if given."),
                F("indicatorVersion", "integer", "Catalogue revision the value was recorded under."),
            ],
            async r =>
            {
                var series = await r.Session.Query<IndicatorSeries>().OrderBy(s => s.Code).ToListAsync(r.Cancellation);
                return series.SelectMany(s => s.Points.Values.OrderBy(p => p.PeriodOf()).ThenBy(p => p.IsCommunity())
                    .ThenBy(p => Disaggregation.Key(p.Measurement.Disaggregation), StringComparer.Ordinal)
                    .Select(p => new object?[] { s.Code, p.Measurement.Period, Disaggregation.Key(p.Measurement.Disaggregation), p.Measurement.Value,
                        p.Measurement.Denominator, p.Measurement.Source, p.Measurement.MethodNote, p.Measurement.GeoCode, p.IndicatorVersion }));
            }),
        new("network-indicators", OpenDataScope.Network, "Network benchmark", "Each common-core indicator's latest value per city, side by side.", "/api/network/indicators",
            [
                F("code", "code", "Core indicator code."), F("name", "text", "Indicator name."), F("unit", "text", "Unit label."),
                F("city", "code", "City slug."), F("population", "integer", "Inhabitants (the city's registry entry)."), F("adopted", "boolean", "The city has the series."),
                F("latestPeriod", "period", "Latest official headline period."), F("latestValue", "number", "Latest official headline value."),
                F("perHundredThousand", "number", "For counts: the latest value per 100,000 inhabitants (value × 100,000 / population, 2 decimals)."),
                F("trend", "code", "improving, stable or worsening."), F("status", "code", "Progress status (docs/monitoring.md)."),
                F("target", "number", "The city's target."), F("targetYear", "integer", "Year the target is due."),
            ],
            async r =>
            {
                var benchmarks = (await monitoring.NetworkAsync(r.Session, r.Cancellation)).Indicators;
                return benchmarks.SelectMany(b => b.Cities.Select(c => new object?[] { b.Code, b.Name, b.Unit, c.City, c.Population, c.Adopted,
                    c.Latest?.Period, c.Latest?.Value, c.Normalised, c.Trend, c.Status, c.Target, c.TargetYear }));
            }),
        new("framework-coverage", OpenDataScope.Network, "Framework coverage", "Per city and framework section, the items at each level in the latest submitted self-assessment.", "/api/network/framework-coverage",
            [
                F("city", "code", "City slug."), F("cycle", "text", "Assessment cycle (empty: none submitted)."), F("submittedAt", "instant", "When it was submitted."),
                F("section", "code", "foundations, structures or tools (FRA framework)."), F("items", "integer", "Items in the section."),
                F("inPlaceTotal", "integer", "Items in place, evaluated or not."), .. LevelFields,
            ],
            async r =>
            {
                var coverage = await FrameworkEndpoints.Coverage(r.Session, framework, r.Cancellation);
                return coverage.SelectMany(c => c.Sections.Count == 0
                    ? [new object?[] { c.City, null, null, null, null, null }.Concat(LevelFields.Select(_ => (object?)null)).ToArray()]
                    : c.Sections.Select(s => new object?[] { c.City, c.Cycle, c.SubmittedAt, s.Key, s.Value.Items, s.Value.InPlace }
                        .Concat(Enum.GetValues<AssessmentLevel>().Select(l => (object?)s.Value.Levels.GetValueOrDefault(l))).ToArray()));
            }),
    ];

    /// <summary>Files that already exist in a standard layout, listed in the dictionary beside the datasets above.</summary>
    public static readonly IReadOnlyList<object> OpenSdgFiles =
    [
        new
        {
            Name = "indicator-series",
            Scope = OpenDataScope.City,
            Title = "One indicator series in the Open SDG layout",
            Csv = "/api/cities/{city}/indicators/{code}/data.csv",
            Json = "/api/cities/{city}/indicators/{code}/data.json",
            Fields = new[]
            {
                F("Year", "period", "Year or quarter."), F("Units", "text", "The indicator's unit label."),
                F("<dimension>", "text", "One column per disaggregation in use (sex, age, district, ...); empty = total."),
                F("Denominator", "number", "For rates: the population the rate was computed over."), F("GeoCode", "text", "Geographic code, when any value has one."),
                F("Series", "text", "'community' for residents' perception values; empty for official values (present when any exist)."),
                F("Value", "number", "The value."),
            },
        },
    ];
}
