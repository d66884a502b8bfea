namespace Platform.Domain.Proposals;

/// <summary>A resident submitted a proposal. <paramref name="SupportThreshold"/> is the city's threshold at submission.</summary>
public sealed record ProposalSubmitted(
    Guid ProposalId,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string? District,
    Guid AuthorId,
    int SupportThreshold,
    DateTimeOffset SubmittedAt);

/// <summary>A resident supports a proposal (in the resident's own support stream, as for concerns).</summary>
public sealed record ProposalSupported(Guid ProposalId, Guid ResidentId, DateTimeOffset SupportedAt);

public sealed record ProposalSupportWithdrawn(Guid ProposalId, Guid ResidentId, DateTimeOffset WithdrawnAt);

/// <summary>Supports met the threshold: the council owes a decision by <paramref name="DecisionDue"/>.</summary>
public sealed record ProposalThresholdReached(Guid ProposalId, long Supports, DateTimeOffset DecisionDue, DateTimeOffset ReachedAt);

/// <summary>The council accepted the proposal; <paramref name="CommitmentId"/> is the commitment it became, when linked.</summary>
public sealed record ProposalAccepted(Guid ProposalId, Guid OfficialId, string Decision, Guid? CommitmentId, DateTimeOffset AcceptedAt);

public sealed record ProposalRejected(Guid ProposalId, Guid OfficialId, string Reason, DateTimeOffset RejectedAt);

/// <summary>The author withdrew the proposal.</summary>
public sealed record ProposalWithdrawn(Guid ProposalId, DateTimeOffset WithdrawnAt);
