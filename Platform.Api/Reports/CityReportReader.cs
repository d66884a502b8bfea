using System.Collections.Immutable;
using Platform.Api.Assessments;
using Platform.Api.Commitments;
using Platform.Api.Monitoring;
using Platform.Api.Scorecards;
using Platform.Domain.Assessments;
using Platform.Domain.Commitments;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;
using Platform.Projections.Concerns;
using Platform.Projections.Consultations;
using Platform.Projections.Proposals;
using Platform.Projections.TownHalls;

namespace Platform.Api.Reports;

/// <summary>
/// Assembles a city's annual report from existing views and readers (series snapshots, commitments, scorecard,
/// assessment, framework coverage): a handful of queries, no event reads. Indicator statuses are as of the end of
/// the year (values of later periods left out); participation counts what happened in the year (UTC).
/// </summary>
public sealed class CityReportReader(ScorecardReader accountability, CommitmentReader commitments, AssessmentReader assessments,
    FrameworkCatalogue framework, TimeProvider clock, ReportParticipationReader whoTakesPart)
{
    /// <summary>The earliest year a report can be asked for.</summary>
    public const int FirstYear = 2000;

    public async Task<CityReport> ReadAsync(IQuerySession session, City city, int year, CancellationToken cancellation)
    {
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddYears(1);

        var series = (await session.Query<IndicatorSeries>().OrderBy(s => s.Code).ToListAsync(cancellation))
            .Where(s => s.Baseline().Year <= year)
            .Select(s => s with { Points = s.Points.Where(p => p.Value.PeriodOf().Year <= year).ToImmutableDictionary() })
            .ToList();
        var core = (await IndicatorCatalogue.AllAsync(session, cancellation)).Where(i => i.Core).Select(i => i.Code).ToHashSet(StringComparer.Ordinal);
        var details = series.Select(s => (Series: s, Details: SeriesDetails.Of(s))).ToList();

        var rights = ReferenceCatalogue.Default.Rights;
        var progress = details.GroupBy(d => d.Details.Right)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RightProgress(g.Key, rights.TryGetValue(g.Key, out var right) ? right.Name : g.Key, g.Select(d => new IndicatorProgress(
                d.Details.Code, d.Details.Name, d.Details.Type, d.Details.Core, d.Details.Unit, d.Details.Direction, d.Details.Baseline,
                d.Details.Target, d.Details.TargetYear, d.Details.Latest, d.Details.Trend, d.Details.Progress.Status, d.Details.Community,
                d.Details.Gaps)).ToList()))
            .ToList();

        var sources = series.SelectMany(s => s.Points.Values).Where(p => p.PeriodOf().Year == year)
            .GroupBy(p => p.Measurement.Source.ToString().ToLowerInvariant())
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var participation = new YearParticipation(
            await session.Query<ConcernView>().CountAsync(c => c.RaisedAt >= from && c.RaisedAt < to, cancellation),
            await session.Query<ConsultationView>().CountAsync(c => c.OpenedAt >= from && c.OpenedAt < to, cancellation),
            await session.Query<ConsultationView>().CountAsync(c => c.ClosedAt >= from && c.ClosedAt < to, cancellation),
            await session.Query<TownHallView>().CountAsync(t => t.ClosedAt >= from && t.ClosedAt < to, cancellation),
            await session.Query<ProposalView>().CountAsync(p => p.SubmittedAt >= from && p.SubmittedAt < to, cancellation),
            await session.Query<ProposalView>().CountAsync(p => p.ThresholdReachedAt >= from && p.ThresholdReachedAt < to, cancellation));
        var scorecard = await accountability.ScorecardAsync(session, city.Id, cancellation);

        var policy = await PolicyAsync(session, city.Id, year, cancellation);

        var (items, _) = await commitments.ListAsync(session, city.Id, new CommitmentQuery(PageSize: int.MaxValue), cancellation);
        var published = items.Where(c => c.PublishedAt < to).ToList();
        var means = new ReportMeansOfImplementation(
            Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => published.Count(c => c.Status == s)),
            published.Sum(c => c.Budget ?? 0),
            published.OrderBy(c => c.DueDate).Select(c => new ReportCommitment(c.Id, c.Title, c.Department, c.Rights, c.DueDate, c.Budget, c.Status, c.Progress)).ToList());

        var missingCore = core.Where(code => !series.Any(s => s.Code == code)).Order(StringComparer.Ordinal).ToList();
        var conclusions = Conclude(progress, means, policy, missingCore);

        var annex = details.Select(d => new AnnexSeries(d.Details.Code, d.Details.Name, d.Details.Unit, d.Details.Baseline,
            d.Series.Points.Values.Where(p => p.Measurement.Disaggregation.Count == 0).OrderBy(p => p.PeriodOf()).ThenBy(p => p.IsCommunity())
                .Select(p => new AnnexValue(p.Measurement.Period, p.Measurement.Value, p.Measurement.Source)).ToList(),
            $"/api/cities/{city.Id}/indicators/{d.Details.Code}/data.csv", $"/api/cities/{city.Id}/indicators/{d.Details.Code}/data.json")).ToList();

        var introduction = new ReportIntroduction(city.Population, series.Count, core.Count, core.Count - missingCore.Count,
            policy.Recognitions.Where(r => r.AwardedAt < to).MaxBy(r => r.AwardedAt));
        return new CityReport(city.Id, city.Names.GetValueOrDefault("en") ?? city.Names.Values.FirstOrDefault() ?? city.Id, year, clock.GetUtcNow(),
            introduction, new ReportMethodology(sources, participation, scorecard), policy, progress, means, conclusions, annex,
            await ReportUnRecommendations.ReadAsync(session, city.Id, year, progress, commitments, cancellation),
            await whoTakesPart.ReadAsync(session, city.Id, year, cancellation),
            ShadowReports: await ReportShadowReports.ReadAsync(session, city.Id, year, cancellation));
    }

    /// <summary>The assessment cycle named for the year, else the latest started by then; reviews shown as the public sees them.</summary>
    private async Task<ReportPolicyEnvironment> PolicyAsync(IQuerySession session, string city, int year, CancellationToken cancellation)
    {
        var views = await session.Query<AssessmentView>().OrderByDescending(a => a.StartedAt).ToListAsync(cancellation);
        var view = views.FirstOrDefault(v => v.Cycle == year.ToString()) ?? views.FirstOrDefault(v => v.StartedAt.Year <= year);
        var coverage = (await FrameworkEndpoints.Coverage(session, framework, cancellation)).FirstOrDefault(c => c.City == city);
        var recognitions = views.SelectMany(v => v.Recognitions).OrderBy(r => r.AwardedAt).ToList();
        if (view is null || !AssessmentReader.MaySee(view, Public))
            return new ReportPolicyEnvironment(null, null, coverage?.Sections ?? [], null, [], recognitions);
        var assessment = assessments.Details(view, Public);
        return new ReportPolicyEnvironment(assessment.Cycle, assessment.Stage, coverage?.Sections ?? [], assessment.Review?.ReviewerCity,
            assessment.Review?.Recommendations ?? [], recognitions);
    }

    private static readonly AssessmentCaller Public = new(Guid.Empty, new HashSet<string>());

    private static ReportConclusions Conclude(IReadOnlyList<RightProgress> progress, ReportMeansOfImplementation means,
        ReportPolicyEnvironment policy, IReadOnlyList<string> missingCore)
    {
        var indicators = progress.SelectMany(r => r.Indicators).ToList();
        var statuses = Enum.GetValues<ProgressStatus>().ToDictionary(s => s, s => indicators.Count(i => i.Status == s));
        var attention = indicators.Where(i => i.Status == ProgressStatus.Deterioration).Select(i => $"{i.Name} ({i.Code})").ToList();
        var steps = new List<string>();
        if (attention.Count > 0) steps.Add($"Reverse the deterioration of {attention.Count} indicator(s): {string.Join("; ", attention)}.");
        var slow = indicators.Count(i => i.Status is ProgressStatus.AccelerationNeeded or ProgressStatus.LimitedProgress);
        if (slow > 0) steps.Add($"Accelerate progress on {slow} indicator(s) that are not on track.");
        var noData = indicators.Where(i => i.Status == ProgressStatus.NoData).Select(i => i.Code).ToList();
        if (noData.Count > 0) steps.Add($"Record values for {string.Join(", ", noData)}.");
        if (missingCore.Count > 0) steps.Add($"Adopt the missing common-core indicators: {string.Join(", ", missingCore)}.");
        var overdue = means.ByStatus.GetValueOrDefault(CommitmentStatus.Overdue) + means.ByStatus.GetValueOrDefault(CommitmentStatus.AtRisk);
        if (overdue > 0) steps.Add($"Deliver the {overdue} commitment(s) that are overdue or at risk.");
        var unanswered = policy.Recommendations.Count(r => r.Response is null);
        if (unanswered > 0) steps.Add($"Answer {unanswered} peer-review recommendation(s) (supported or noted).");
        var open = policy.Recommendations.Count(r => r.Response == RecommendationResponse.Supported
                                                     && r.FollowUps.LastOrDefault()?.Status != FollowUpStatus.Implemented);
        if (open > 0) steps.Add($"Report follow-up on {open} supported recommendation(s) until they are implemented.");
        if (steps.Count == 0) steps.Add("Keep the indicators on track and report again next year.");
        return new ReportConclusions(statuses, attention, steps);
    }
}
