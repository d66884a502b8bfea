using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// A proposal as the API shows it. The author's identity is not part of it; <c>authoredByYou</c> tells
/// the signed-in author that it is theirs.
/// </summary>
/// <param name="Supports">How many residents support it now.</param>
/// <param name="Threshold">Supports needed before the council owes a decision (the city's setting when it was submitted).</param>
/// <param name="DecisionDue">When the council's decision is due; set once the threshold is reached.</param>
/// <param name="Version">The highest event sequence this view reflects; watchers use it to order pushes.</param>
public sealed record ProposalDetails(
    Guid Id,
    string City,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string? District,
    ProposalStatus Status,
    long Supports,
    int Threshold,
    DateTimeOffset? ThresholdReachedAt,
    DateTimeOffset? DecisionDue,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    string? Decision,
    Guid? CommitmentId,
    string? RejectionReason,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? WithdrawnAt,
    bool AuthoredByYou,
    long Version);
