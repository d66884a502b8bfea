using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>Reads assessments from their views, applying who may see what (drafts and reviews in progress).</summary>
public sealed class AssessmentReader(FrameworkCatalogue framework)
{
    /// <summary>The cycle's details, or null when there is none or the caller may not see it (a draft of another city).</summary>
    public async Task<AssessmentDetails?> FindAsync(IQuerySession session, string city, string? cycle, AssessmentCaller caller, CancellationToken cancellation)
    {
        var normalised = AssessmentRules.NormaliseCycle(cycle);
        if (normalised is null) return null;
        var view = await session.LoadAsync<AssessmentView>(AssessmentStream.Id(city, normalised), cancellation);
        return view is null || !MaySee(view, caller) ? null : Details(view, caller);
    }

    /// <summary>The city's public recognition: the highest level held (latest award first among equals) and every award.</summary>
    public static async Task<CityRecognition> RecognitionAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        var views = await session.Query<AssessmentView>().Where(a => a.Stage == AssessmentStage.Reviewed).ToListAsync(cancellation);
        var awards = views.SelectMany(v => v.Recognitions).OrderByDescending(r => r.AwardedAt).ToArray();
        var current = awards.OrderByDescending(r => r.Level).ThenByDescending(r => r.AwardedAt).FirstOrDefault();
        return new CityRecognition(city, current, awards);
    }

    public static bool MaySee(AssessmentView view, AssessmentCaller caller) =>
        view.Stage != AssessmentStage.Draft || caller.IsOfficialOf(view.City);

    public AssessmentDetails Details(AssessmentView view, AssessmentCaller caller)
    {
        var assessed = view.Items.ToDictionary(i => i.Item);
        var items = framework.Items.Select(i => assessed.TryGetValue(i.Code, out var a)
            ? new ItemDetails(i.Code, i.Section, i.Text, a.Level, a.Evidence, a.Note, a.AssessedAt)
            : new ItemDetails(i.Code, i.Section, i.Text, null, [], null, null)).ToArray();

        ReviewDetails? review = null;
        if (view.ReviewerCity is { } reviewer)
        {
            var open = view.ReviewSubmittedAt is not null || caller.IsOfficialOf(reviewer);
            review = new ReviewDetails(reviewer, view.ReviewerAssignedAt!.Value, view.ReviewSubmittedAt,
                open ? [.. view.Findings] : [], open ? [.. view.Recommendations] : []);
        }
        return new AssessmentDetails(view.Id, view.City, view.Cycle, view.FrameworkVersion, view.Stage, view.StartedAt, view.SubmittedAt,
            items, items.Where(i => i.Level is null).Select(i => i.Item).ToArray(), review, [.. view.Recognitions], view.Sequence);
    }

    public static AssessmentSummary Summary(AssessmentView v) =>
        new(v.Id, v.City, v.Cycle, v.Stage, v.StartedAt, v.SubmittedAt, v.ReviewerCity, v.Recognitions.Select(r => r.Level).ToArray(), v.Sequence);
}
