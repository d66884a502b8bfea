namespace Platform.Domain.Commitments;

/// <summary>An origin as a client sends it.</summary>
public sealed record OriginInput(OriginKind? Kind, Guid? Id);

/// <summary>Publish a commitment. Fields are nullable because they arrive from clients as they are.</summary>
/// <param name="Weight">Only for a sub-commitment (with <paramref name="ParentId"/>): its share of the parent's progress (default 1).</param>
public sealed record PublishCommitment(
    string? Title,
    string? Description,
    IReadOnlyList<string?>? Rights,
    IReadOnlyList<string?>? SdgTargets,
    IReadOnlyList<string?>? IndicatorCodes,
    string? Department,
    DateOnly? DueDate,
    decimal? Budget,
    IReadOnlyList<OriginInput?>? Origins,
    Guid? ParentId = null,
    decimal? Weight = null);

public sealed record PlanMilestone(string? Title, DateOnly? DueDate);

public sealed record ReportProgress(int? Percent, string? Note, string? EvidenceUrl);

public sealed record ChangeDeadline(DateOnly? DueDate, string? Reason);

public sealed record FulfilCommitment(string? EvidenceUrl, string? Note);

public sealed record AbandonCommitment(string? Reason);

/// <summary>Record the commitment overdue if <paramref name="DueDate"/> is still its due date and has passed (sent by the scheduler).</summary>
public sealed record MarkCommitmentOverdue(Guid CommitmentId, DateOnly DueDate);
