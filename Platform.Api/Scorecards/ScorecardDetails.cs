using Platform.Domain.Concerns;
using Platform.Projections.Scorecards;

namespace Platform.Api.Scorecards;

/// <summary>
/// A city scorecard as served: <paramref name="Version"/> is the highest event sequence reflected;
/// deadline figures are as of <paramref name="AsOf"/>, with <paramref name="ConcernResponseDays"/> (the city's setting) for unacknowledged concerns.
/// </summary>
public sealed record ScorecardDetails(string City, long Version, DateTimeOffset AsOf, DateTimeOffset? UpdatedAt, int ConcernResponseDays,
    ConcernFigures Concerns, ProposalFigures Proposals, CommitmentFigures Commitments, ConsultationFigures Consultations)
{
    /// <summary>Who takes part, against the population shares (docs/participation.md): served with the city's scorecard (its page and <c>GET</c>), not its live pushes.</summary>
    public EqualParticipation.ParticipationBreakdown? Participation { get; init; }
}

/// <summary>A city's concern board: the most supported open concerns and counts of all open ones.</summary>
public sealed record ConcernBoardDetails(string City, long Version, DateTimeOffset? UpdatedAt, int OpenConcerns,
    IReadOnlyList<BoardItem> Top, IReadOnlyDictionary<string, int> ByRight, IReadOnlyDictionary<string, int> ByDistrict, int WithoutDistrict);

public sealed record BoardItem(Guid Id, string Title, string[] Rights, string? District, ConcernStatus Status, long Supports, DateTimeOffset RaisedAt);

/// <summary>All cities' scorecards side by side, in the order of the city registry.</summary>
public sealed record NetworkOverviewDetails(long Version, DateTimeOffset AsOf, IReadOnlyList<NetworkCityDetails> Cities);

public sealed record NetworkCityDetails(string City, IReadOnlyDictionary<string, string> Names, long? Population, ScorecardDetails Scorecard);
