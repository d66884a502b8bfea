using Platform.Domain.UnRecommendations;
using Platform.Projections.Assessments;

namespace Platform.Projections.UnRecommendations;

/// <summary>Inline projection of a city's register of UN recommendations into <see cref="UnRecommendationsView"/>.</summary>
public partial class UnRecommendationsViewProjection : SingleStreamProjection<UnRecommendationsView, Guid>
{
    public static UnRecommendationsView Create(IEvent<UnRecommendationRegisterOpened> e) => new()
    {
        Id = e.Data.RegisterId, City = e.Data.City, Sequence = e.Sequence,
    };

    public static void Apply(IEvent<UnRecommendationRecorded> e, UnRecommendationsView view)
    {
        var r = e.Data;
        view.Recommendations.Add(new UnRecommendationView
        {
            Id = r.RecommendationId, Source = r.Source, Cycle = r.Cycle, Paragraph = r.Paragraph, Text = r.Text, Rights = r.Rights,
            SdgTargets = r.SdgTargets, Imported = r.Imported, RecordedAt = r.RecordedAt,
        });
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<UnRecommendationAnswered> e, UnRecommendationsView view)
    {
        if (view.Recommendations.Find(r => r.Id == e.Data.RecommendationId) is { } r)
        {
            r.Response = e.Data.Response;
            r.ResponseNote = e.Data.Note;
            r.AnsweredAt = e.Data.AnsweredAt;
        }
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<UnRecommendationFollowUpReported> e, UnRecommendationsView view)
    {
        view.Recommendations.Find(r => r.Id == e.Data.RecommendationId)?.FollowUps
            .Add(new FollowUpView(e.Data.Text, e.Data.Date, e.Data.Status, e.Data.ReportedAt));
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<UnRecommendationLinkedToCommitment> e, UnRecommendationsView view)
    {
        view.Recommendations.Find(r => r.Id == e.Data.RecommendationId)?.CommitmentIds.Add(e.Data.CommitmentId);
        view.Sequence = e.Sequence;
    }
}
