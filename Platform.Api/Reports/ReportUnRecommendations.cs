using Platform.Api.Commitments;
using Platform.Api.UnRecommendations;
using Platform.Domain.Assessments;
using Platform.Domain.Monitoring;
using Platform.Projections.Assessments;

namespace Platform.Api.Reports;

/// <summary>
/// The report's alignment of the UN recommendations (UPR, treaty bodies) the city recorded by the end of the year with what
/// it does: each recommendation with the city's response as of the year's end, the commitments linked to it (their status
/// now, as the means-of-implementation section shows them) and the city's indicators on the same rights with their status
/// at the end of the year (from the progress section).
/// </summary>
public sealed record ReportUnRecommendations(int Recorded, int Supported, int Noted, int Unanswered, IReadOnlyList<ReportUnRecommendation> Recommendations)
{
    /// <summary>The section for <paramref name="year"/>, from the city's recommendations and the report's own progress section.</summary>
    public static async Task<ReportUnRecommendations> ReadAsync(IQuerySession session, string city, int year, IReadOnlyList<RightProgress> progress,
        CommitmentReader commitments, CancellationToken cancellation)
    {
        var end = new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var indicators = progress.SelectMany(r => r.Indicators.Select(i => (r.Right, i))).ToLookup(p => p.Right, p => p.i);
        var recorded = (await new UnRecommendationReader(commitments).AllAsync(session, city, cancellation)).Where(r => r.RecordedAt < end).ToList();
        var rows = recorded.Select(r =>
        {
            var answered = r.AnsweredAt < end;
            var followUp = r.FollowUps.Where(f => f.Date.Year <= year).MaxBy(f => f.Date);
            return new ReportUnRecommendation(r.Id, r.Source, r.SourceName, r.Cycle, r.Paragraph, r.Text, r.Rights, r.SdgTargets,
                answered ? r.Response : null, answered ? r.ResponseNote : null, r.Commitments, followUp,
                r.Rights.SelectMany(right => indicators[right]).DistinctBy(i => i.Code)
                    .Select(i => new ReportAlignedIndicator(i.Code, i.Name, i.Latest, i.Status)).ToList());
        }).ToList();
        return new ReportUnRecommendations(rows.Count, rows.Count(r => r.Response == RecommendationResponse.Supported),
            rows.Count(r => r.Response == RecommendationResponse.Noted), rows.Count(r => r.Response is null), rows);
    }
}

/// <summary>One recommendation as the report aligns it.</summary>
public sealed record ReportUnRecommendation(Guid Id, string Source, string SourceName, string Cycle, string? Paragraph, string Text, string[] Rights,
    string[] SdgTargets, RecommendationResponse? Response, string? ResponseNote, IReadOnlyList<LinkedCommitment> Commitments, FollowUpView? LatestFollowUp,
    IReadOnlyList<ReportAlignedIndicator> Indicators);

/// <summary>An indicator of the city on a right of the recommendation, with its latest value and status at the end of the year.</summary>
public sealed record ReportAlignedIndicator(string Code, string Name, PeriodValue? Latest, ProgressStatus Status);
