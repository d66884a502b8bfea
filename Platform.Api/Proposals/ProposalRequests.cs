using Platform.Domain.Commitments;

namespace Platform.Api.Proposals;

/// <summary>The body of <c>POST /api/cities/{city}/proposals</c>: what a resident writes to submit a proposal.</summary>
public sealed record SubmitProposalRequest(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District);

/// <summary>
/// The body of an acceptance: the council's decision, and the commitment the proposal became, either an existing one
/// (<paramref name="CommitmentId"/>) or one published with the acceptance (<paramref name="Commitment"/>). Not both.
/// </summary>
public sealed record AcceptProposalRequest(string? Decision, Guid? CommitmentId, CommitmentInput? Commitment = null);

/// <summary>The body of a rejection: why.</summary>
public sealed record RejectProposalRequest(string? Reason);
