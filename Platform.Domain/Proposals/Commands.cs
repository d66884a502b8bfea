namespace Platform.Domain.Proposals;

/// <summary>
/// Submit a proposal as <paramref name="ProposalId"/> (a new id), by <paramref name="AuthorId"/>. The text fields
/// are nullable because they arrive from clients as they are.
/// </summary>
public sealed record SubmitProposal(
    Guid ProposalId,
    Guid AuthorId,
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District)
{
    /// <summary>The city's support threshold now, kept with the proposal (its setting; the handler sets it).</summary>
    public int SupportThreshold { get; init; } = 100;
}

/// <summary>Support a proposal, as the given resident (residency as for <see cref="Concerns.SupportConcern"/>).</summary>
public sealed record SupportProposal(Guid ProposalId, Guid ResidentId)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
    /// <summary>Whether the person's email address is verified (from the sign-in); required when <see cref="VerifiedEmailRequired"/> (the city's setting).</summary>
    public bool VerifiedEmail { get; init; }
    public bool VerifiedEmailRequired { get; init; }
}

/// <summary>Take back a resident's support of a proposal.</summary>
public sealed record WithdrawProposalSupport(Guid ProposalId, Guid ResidentId);

/// <summary>
/// An official records the council's acceptance. The commitment it became is either an existing one
/// (<paramref name="CommitmentId"/>) or published with the acceptance (<paramref name="Commitment"/>, the
/// same body as publishing one); neither leaves it for later. Not both.
/// </summary>
public sealed record AcceptProposal(Guid ProposalId, Guid OfficialId, string? Decision, Guid? CommitmentId, Commitments.CommitmentInput? Commitment = null);

/// <summary>An official records the council's rejection, saying why.</summary>
public sealed record RejectProposal(Guid ProposalId, Guid OfficialId, string? Reason);

/// <summary>The author withdraws their proposal (<paramref name="AccountId"/> is the signed-in caller).</summary>
public sealed record WithdrawProposal(Guid ProposalId, Guid AccountId);

/// <summary>Record that <paramref name="Supports"/> (the exact count with the support being added) met the proposal's threshold.</summary>
public sealed record ReachProposalThreshold(Guid ProposalId, long Supports)
{
    /// <summary>The city's days for the council's decision (its setting; the handler sets it).</summary>
    public int DecisionDays { get; init; } = 90;
}
