using System.Collections.Immutable;
using Platform.Domain.Assessments;

namespace Platform.Domain.UnRecommendations;

/// <summary>A recommendation as the rules need it: the city's answer, its follow-ups and the commitments linked.</summary>
public sealed record UnRecommendationState(Guid Id, RecommendationResponse? Response, int FollowUps, IReadOnlyList<Guid> CommitmentIds);

/// <summary>
/// The write-side state of a city's register of UN recommendations: one stream per city, so that a file's rows are
/// recorded in one decision, all or none, and a recommendation is recorded once (<see cref="Keys"/>).
/// </summary>
public sealed record UnRecommendationRegister(Guid Id, string City, ImmutableDictionary<Guid, UnRecommendationState> Recommendations,
    ImmutableDictionary<string, Guid> Keys)
{
    public static UnRecommendationRegister From(UnRecommendationRegisterOpened e) => new(e.RegisterId, e.City, ImmutableDictionary<Guid, UnRecommendationState>.Empty, ImmutableDictionary<string, Guid>.Empty);

    public UnRecommendationRegister Then(UnRecommendationRecorded e) => this with
    {
        Recommendations = Recommendations.SetItem(e.RecommendationId, new UnRecommendationState(e.RecommendationId, null, 0, [])),
        Keys = Keys.SetItem(e.Key, e.RecommendationId),
    };

    public UnRecommendationRegister Then(UnRecommendationAnswered e) => Change(e.RecommendationId, r => r with { Response = e.Response });

    public UnRecommendationRegister Then(UnRecommendationFollowUpReported e) => Change(e.RecommendationId, r => r with { FollowUps = r.FollowUps + 1 });

    public UnRecommendationRegister Then(UnRecommendationLinkedToCommitment e) =>
        Change(e.RecommendationId, r => r with { CommitmentIds = [.. r.CommitmentIds, e.CommitmentId] });

    public UnRecommendationState? Recommendation(Guid id) => Recommendations.GetValueOrDefault(id);

    private UnRecommendationRegister Change(Guid id, Func<UnRecommendationState, UnRecommendationState> change) =>
        Recommendations.TryGetValue(id, out var r) ? this with { Recommendations = Recommendations.SetItem(id, change(r)) } : this;
}
