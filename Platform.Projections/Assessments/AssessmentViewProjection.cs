using Platform.Domain.Assessments;

namespace Platform.Projections.Assessments;

/// <summary>Inline projection of an Assessment stream into <see cref="AssessmentView"/>.</summary>
public partial class AssessmentViewProjection : SingleStreamProjection<AssessmentView, Guid>
{
    public static AssessmentView Create(IEvent<AssessmentStarted> e) => new()
    {
        Id = e.Data.AssessmentId,
        City = e.Data.City,
        Cycle = e.Data.Cycle,
        FrameworkVersion = e.Data.FrameworkVersion,
        Stage = AssessmentStage.Draft,
        StartedAt = e.Data.StartedAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<AssessmentElementAssessed> e, AssessmentView view)
    {
        var item = new AssessedItemView(e.Data.Item, e.Data.Level, e.Data.Evidence, e.Data.Note, e.Data.AssessedAt);
        var index = view.Items.FindIndex(i => i.Item == e.Data.Item);
        if (index >= 0) view.Items[index] = item;
        else view.Items.Add(item);
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<AssessmentSubmitted> e, AssessmentView view)
    {
        view.Stage = AssessmentStage.Submitted;
        view.SubmittedAt = e.Data.SubmittedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<PeerReviewerAssigned> e, AssessmentView view)
    {
        view.Stage = AssessmentStage.UnderReview;
        view.ReviewerCity = e.Data.ReviewerCity;
        view.ReviewerAssignedAt = e.Data.AssignedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<PeerReviewFindingRecorded> e, AssessmentView view)
    {
        var finding = new FindingView(e.Data.Item, e.Data.Finding, e.Data.RecordedAt);
        var index = view.Findings.FindIndex(f => f.Item == e.Data.Item);
        if (index >= 0) view.Findings[index] = finding;
        else view.Findings.Add(finding);
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<PeerReviewRecommendationDrafted> e, AssessmentView view)
    {
        view.Recommendations.Add(new RecommendationView
        {
            Id = e.Data.RecommendationId, Item = e.Data.Item, Text = e.Data.Text, Rights = e.Data.Rights, DraftedAt = e.Data.DraftedAt,
        });
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<PeerReviewSubmitted> e, AssessmentView view)
    {
        view.Stage = AssessmentStage.Reviewed;
        view.ReviewSubmittedAt = e.Data.SubmittedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<RecommendationAnswered> e, AssessmentView view)
    {
        if (view.Recommendations.Find(r => r.Id == e.Data.RecommendationId) is { } r)
        {
            r.Response = e.Data.Response;
            r.ResponseNote = e.Data.Note;
            r.AnsweredAt = e.Data.AnsweredAt;
        }
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<RecommendationFollowUpReported> e, AssessmentView view)
    {
        view.Recommendations.Find(r => r.Id == e.Data.RecommendationId)?.FollowUps
            .Add(new FollowUpView(e.Data.Text, e.Data.Date, e.Data.Status, e.Data.ReportedAt));
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<RecommendationLinkedToCommitment> e, AssessmentView view)
    {
        if (view.Recommendations.Find(r => r.Id == e.Data.RecommendationId) is { } r) r.CommitmentId = e.Data.CommitmentId;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<RecognitionAwarded> e, AssessmentView view)
    {
        view.Recognitions.Add(new RecognitionView(e.Data.Level, e.Data.Cycle, e.Data.ReviewerCity, e.Data.AwardedAt));
        view.Sequence = e.Sequence;
    }
}
