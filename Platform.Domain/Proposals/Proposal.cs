namespace Platform.Domain.Proposals;

/// <summary>The write-side state of a proposal: only what its rules need.</summary>
/// <param name="SupportThreshold">The city's threshold when the proposal was submitted (later changes of the setting do not move it).</param>
public sealed record Proposal(Guid Id, ProposalStatus Status, Guid AuthorId, int SupportThreshold, bool ThresholdReached = false)
{
    public static Proposal From(ProposalSubmitted e) => new(e.ProposalId, ProposalStatus.Open, e.AuthorId, e.SupportThreshold);

    public Proposal Then(ProposalThresholdReached _) => this with { Status = ProposalStatus.ThresholdReached, ThresholdReached = true };
    public Proposal Then(ProposalAccepted _) => this with { Status = ProposalStatus.Accepted };
    public Proposal Then(ProposalRejected _) => this with { Status = ProposalStatus.Rejected };
    public Proposal Then(ProposalWithdrawn _) => this with { Status = ProposalStatus.Withdrawn };

    /// <summary>Undecided: the author may still withdraw it, the council may still decide, residents may still support it.</summary>
    public bool Undecided => UndecidedWhen(Status);

    /// <summary>The item residents may take part in now (this proposal while undecided), or null: the participation gate's condition.</summary>
    public Guid? OpenToParticipation => Undecided ? Id : null;

    /// <summary>Whether a proposal in this status is undecided (for views that hold the status only).</summary>
    public static bool UndecidedWhen(ProposalStatus status) => status is ProposalStatus.Open or ProposalStatus.ThresholdReached;
}
