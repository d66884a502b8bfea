using Platform.Domain.Assessments;

namespace Platform.Projections.Assessments;

/// <summary>Keeps the write-side <see cref="Assessment"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class AssessmentStateProjection : SingleStreamProjection<Assessment, Guid>
{
    public static Assessment Create(AssessmentStarted e) => Assessment.Create(e);
    public static Assessment Apply(AssessmentElementAssessed e, Assessment state) => state.Apply(e);
    public static Assessment Apply(AssessmentSubmitted e, Assessment state) => state.Apply(e);
    public static Assessment Apply(PeerReviewerAssigned e, Assessment state) => state.Apply(e);
    public static Assessment Apply(PeerReviewFindingRecorded e, Assessment state) => state.Apply(e);
    public static Assessment Apply(PeerReviewRecommendationDrafted e, Assessment state) => state.Apply(e);
    public static Assessment Apply(PeerReviewSubmitted e, Assessment state) => state.Apply(e);
    public static Assessment Apply(RecommendationAnswered e, Assessment state) => state.Apply(e);
    public static Assessment Apply(RecommendationFollowUpReported e, Assessment state) => state.Apply(e);
    public static Assessment Apply(RecommendationLinkedToCommitment e, Assessment state) => state.Apply(e);
    public static Assessment Apply(RecognitionAwarded e, Assessment state) => state.Apply(e);
}
