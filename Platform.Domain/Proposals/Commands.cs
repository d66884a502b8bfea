namespace Platform.Domain.Proposals;

/// <summary>Submit a proposal. Fields are nullable because they arrive from clients as they are.</summary>
public sealed record SubmitProposal(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District);

/// <summary>Support a proposal, as the given resident (residency as for <see cref="Concerns.SupportConcern"/>).</summary>
public sealed record SupportProposal(Guid ProposalId, Guid ResidentId)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
}

/// <summary>Take back a resident's support of a proposal.</summary>
public sealed record WithdrawProposalSupport(Guid ProposalId, Guid ResidentId);

/// <summary>
/// An official records the council's acceptance. The commitment it became is either an existing one
/// (<paramref name="CommitmentId"/>) or published with the acceptance (<paramref name="Commitment"/>, the
/// same body as publishing one); neither leaves it for later. Not both.
/// </summary>
public sealed record AcceptProposal(string? Decision, Guid? CommitmentId, Commitments.PublishCommitment? Commitment = null);

/// <summary>An official records the council's rejection, saying why.</summary>
public sealed record RejectProposal(string? Reason);
