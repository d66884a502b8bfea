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
    public static Assessment From(AssessmentStarted e) =>
        new(e.AssessmentId, e.City, e.Cycle, e.FrameworkVersion, AssessmentStage.Draft, new Dictionary<string, AssessmentLevel>(), null, [], [], []);

    public Assessment Then(AssessmentElementAssessed e) =>
        this with { Levels = new Dictionary<string, AssessmentLevel>(Levels) { [e.Item] = e.Level } };

    public Assessment Then(AssessmentSubmitted e) =>
        this with { Stage = AssessmentStage.Submitted, Levels = new Dictionary<string, AssessmentLevel>(e.Levels) };

    public Assessment Then(PeerReviewerAssigned e) => this with { Stage = AssessmentStage.UnderReview, ReviewerCity = e.ReviewerCity };

    public Assessment Then(PeerReviewFindingRecorded e) =>
        FindingItems.Contains(e.Item) ? this : this with { FindingItems = [.. FindingItems, e.Item] };

    public Assessment Then(PeerReviewRecommendationDrafted e) =>
        this with { Recommendations = [.. Recommendations, new RecommendationState(e.RecommendationId, e.Item, null, 0, null)] };

    public Assessment Then(PeerReviewSubmitted _) => this with { Stage = AssessmentStage.Reviewed };

    public Assessment Then(RecommendationAnswered e) => Change(e.RecommendationId, r => r with { Response = e.Response });

    public Assessment Then(RecommendationFollowUpReported e) => Change(e.RecommendationId, r => r with { FollowUps = r.FollowUps + 1 });

    public Assessment Then(RecommendationLinkedToCommitment e) => Change(e.RecommendationId, r => r with { CommitmentId = e.CommitmentId });

    public Assessment Then(RecognitionAwarded e) => this with { Recognitions = [.. Recognitions, e.Level] };


    public RecommendationState? Recommendation(Guid id) => Recommendations.FirstOrDefault(r => r.Id == id);

    private Assessment Change(Guid recommendationId, Func<RecommendationState, RecommendationState> change) =>
        this with { Recommendations = Recommendations.Select(r => r.Id == recommendationId ? change(r) : r).ToArray() };
}
