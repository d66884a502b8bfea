using Platform.Domain.Proposals;

namespace Platform.Projections.Proposals;

/// <summary>
/// The view of a proposal, kept by an inline projection of its stream. As for concerns, the support
/// count is not stored here (supports never touch this document); readers add it from the support tally.
/// </summary>
public sealed class ProposalView
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string[] Rights { get; set; } = [];
    public string[] SdgTargets { get; set; } = [];
    public string? District { get; set; }
    public ProposalStatus Status { get; set; }
    /// <summary>The author, kept for the author's own views; not shown to others.</summary>
    public Guid AuthorId { get; set; }
    /// <summary>Supports needed before the council owes a decision (the city's setting at submission).</summary>
    public int SupportThreshold { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ThresholdReachedAt { get; set; }
    /// <summary>When the council's decision is due (set when the threshold is reached).</summary>
    public DateTimeOffset? DecisionDue { get; set; }
    /// <summary>The council's decision text, when accepted.</summary>
    public string? Decision { get; set; }
    public Guid? CommitmentId { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    /// <summary>The highest event sequence of the proposal's own stream reflected here.</summary>
    public long Sequence { get; set; }
}
