using Platform.Domain.Commitments;

namespace Platform.Projections.Commitments;

/// <summary>
/// The view of a commitment with its full timeline, kept by an inline projection of its stream. What
/// depends on the clock (the status) and on other streams (a parent's rolled-up progress) is derived
/// by readers from these fields; nothing here is written by hand.
/// </summary>
public sealed class CommitmentView
{
    public Guid Id { get; set; }
    public Guid? ParentId { get; set; }
    public decimal Weight { get; set; } = 1;
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string[] Rights { get; set; } = [];
    public string[] SdgTargets { get; set; } = [];
    public string[] IndicatorCodes { get; set; } = [];
    public string Department { get; set; } = "";
    /// <summary>The department in lower case, for case-insensitive filtering.</summary>
    public string DepartmentKey { get; set; } = "";
    public DateOnly DueDate { get; set; }
    /// <summary>When the due date ends in the city (the commitment is overdue from then).</summary>
    public DateTimeOffset DueAt { get; set; }
    public DateOnly OriginalDueDate { get; set; }
    public decimal? Budget { get; set; }
    public CommitmentOrigin[] Origins { get; set; } = [];
    /// <summary>Each origin as "kind:id" and as "id", for filtering by either.</summary>
    public string[] OriginKeys { get; set; } = [];
    public CommitmentPhase Phase { get; set; }
    /// <summary>The last progress the officials reported on this commitment itself.</summary>
    public int ReportedPercent { get; set; }
    public DateTimeOffset? ProgressReportedAt { get; set; }
    public bool OverdueRecorded { get; set; }
    public DateTimeOffset? OverdueSince { get; set; }
    public List<MilestoneEntry> Milestones { get; set; } = [];
    public List<DeadlineChange> DeadlineChanges { get; set; } = [];
    public string? FulfilmentEvidenceUrl { get; set; }
    public DateTimeOffset? FulfilledAt { get; set; }
    public string? AbandonReason { get; set; }
    public DateTimeOffset? AbandonedAt { get; set; }
    public Guid OfficialId { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    /// <summary>Every event of the commitment, oldest first.</summary>
    public List<TimelineEntry> Timeline { get; set; } = [];
    /// <summary>The highest event sequence of the commitment's own stream reflected here.</summary>
    public long Sequence { get; set; }
}

public sealed record MilestoneEntry(Guid Id, string Title, DateOnly DueDate, DateTimeOffset PlannedAt);

public sealed record DeadlineChange(DateOnly PreviousDueDate, DateOnly NewDueDate, string Reason, DateTimeOffset ChangedAt);

/// <summary>
/// One event of the commitment: its kind (the event name without "Commitment"), when, its sequence, and its
/// data as text (numbers invariant, dates yyyy-mm-dd), so every entry has the same shape whatever the event.
/// </summary>
public sealed record TimelineEntry(string Kind, DateTimeOffset At, long Sequence, Dictionary<string, string?> Details);
