namespace Platform.Domain.Assessments;

/// <summary>A recommendation as the rules need it: whom it concerns, the city's answer, whether it was followed up.</summary>
public sealed record RecommendationState(Guid Id, string Item, RecommendationResponse? Response, int FollowUps, Guid? CommitmentId);

/// <summary>
/// The write-side state of one city's assessment cycle: only what its rules need. Collections are replaced,
/// never changed in place, because the event store may hand the same instance to several readers.
/// </summary>
public sealed record Assessment(
    Guid Id,
    string City,
    string Cycle,
    string FrameworkVersion,
    AssessmentStage Stage,
    IReadOnlyDictionary<string, AssessmentLevel> Levels,
    string? ReviewerCity,
    IReadOnlyList<string> FindingItems,
    IReadOnlyList<RecommendationState> Recommendations,
    IReadOnlyList<RecognitionLevel> Recognitions)
{
    public static Assessment Create(AssessmentStarted e) =>
        new(e.AssessmentId, e.City, e.Cycle, e.FrameworkVersion, AssessmentStage.Draft, new Dictionary<string, AssessmentLevel>(), null, [], [], []);

    public Assessment Apply(AssessmentElementAssessed e) =>
        this with { Levels = new Dictionary<string, AssessmentLevel>(Levels) { [e.Item] = e.Level } };

    public Assessment Apply(AssessmentSubmitted e) =>
        this with { Stage = AssessmentStage.Submitted, Levels = new Dictionary<string, AssessmentLevel>(e.Levels) };

    public Assessment Apply(PeerReviewerAssigned e) => this with { Stage = AssessmentStage.UnderReview, ReviewerCity = e.ReviewerCity };

    public Assessment Apply(PeerReviewFindingRecorded e) =>
        FindingItems.Contains(e.Item) ? this : this with { FindingItems = [.. FindingItems, e.Item] };

    public Assessment Apply(PeerReviewRecommendationDrafted e) =>
        this with { Recommendations = [.. Recommendations, new RecommendationState(e.RecommendationId, e.Item, null, 0, null)] };

    public Assessment Apply(PeerReviewSubmitted _) => this with { Stage = AssessmentStage.Reviewed };

    public Assessment Apply(RecommendationAnswered e) => Change(e.RecommendationId, r => r with { Response = e.Response });

    public Assessment Apply(RecommendationFollowUpReported e) => Change(e.RecommendationId, r => r with { FollowUps = r.FollowUps + 1 });

    public Assessment Apply(RecommendationLinkedToCommitment e) => Change(e.RecommendationId, r => r with { CommitmentId = e.CommitmentId });

    public Assessment Apply(RecognitionAwarded e) => this with { Recognitions = [.. Recognitions, e.Level] };

    /// <summary>Folds one event into the state (null before the stream starts): for callers that decide several steps in a row.</summary>
    public static Assessment? Evolve(Assessment? state, object e) => e switch
    {
        AssessmentStarted x => Create(x),
        AssessmentElementAssessed x => state?.Apply(x),
        AssessmentSubmitted x => state?.Apply(x),
        PeerReviewerAssigned x => state?.Apply(x),
        PeerReviewFindingRecorded x => state?.Apply(x),
        PeerReviewRecommendationDrafted x => state?.Apply(x),
        PeerReviewSubmitted x => state?.Apply(x),
        RecommendationAnswered x => state?.Apply(x),
        RecommendationFollowUpReported x => state?.Apply(x),
        RecommendationLinkedToCommitment x => state?.Apply(x),
        RecognitionAwarded x => state?.Apply(x),
        _ => state,
    };

    public RecommendationState? Recommendation(Guid id) => Recommendations.FirstOrDefault(r => r.Id == id);

    private Assessment Change(Guid recommendationId, Func<RecommendationState, RecommendationState> change) =>
        this with { Recommendations = Recommendations.Select(r => r.Id == recommendationId ? change(r) : r).ToArray() };
}
