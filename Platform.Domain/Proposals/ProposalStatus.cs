namespace Platform.Domain.Proposals;

/// <summary>Where a proposal stands in its lifecycle.</summary>
public enum ProposalStatus
{
    /// <summary>Collecting supports.</summary>
    Open,
    /// <summary>Supports met the threshold: the council owes a decision (supports still count).</summary>
    ThresholdReached,
    Accepted,
    Rejected,
    Withdrawn,
}
