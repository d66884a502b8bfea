namespace Platform.Domain.Commitments;

/// <summary>An origin as a client sends it.</summary>
public sealed record OriginInput(OriginKind? Kind, Guid? Id);

/// <summary>
/// A commitment as an official writes it (the body of a publication, or the commitment a proposal becomes).
/// Fields are nullable because they arrive from clients as they are.
/// </summary>
/// <param name="Weight">Only for a sub-commitment (with <paramref name="ParentId"/>): its share of the parent's progress (default 1).</param>
public sealed record CommitmentInput(
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

/// <summary>
/// Official <paramref name="OfficialId"/> publishes <paramref name="Input"/> as the new commitment <paramref name="CommitmentId"/>.
/// What the handler looks up before deciding comes as init-only properties: the city's <see cref="Zone"/> ("today"
/// and the end of the due date are the city's), the <see cref="Parent"/> named by <see cref="CommitmentInput.ParentId"/>
/// and the <see cref="KnownOrigins"/> (origins of checked kinds, <see cref="CommitmentDecider.IsChecked"/>, that exist in the city).
/// </summary>
public sealed record PublishCommitment(Guid CommitmentId, Guid OfficialId, CommitmentInput Input)
{
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The state of the parent commitment, when one is named and found.</summary>
    public Commitment? Parent { get; init; }

    public IReadOnlySet<CommitmentOrigin> KnownOrigins { get; init; } = new HashSet<CommitmentOrigin>();
}

/// <param name="MilestoneId">The new milestone's id.</param>
public sealed record PlanMilestone(Guid CommitmentId, Guid MilestoneId, Guid OfficialId, string? Title, DateOnly? DueDate);

public sealed record ReportProgress(Guid CommitmentId, Guid OfficialId, int? Percent, string? Note, string? EvidenceUrl);

/// <summary>Move the due date; <see cref="Zone"/> is the city's time zone, set by the handler.</summary>
public sealed record ChangeDeadline(Guid CommitmentId, Guid OfficialId, DateOnly? DueDate, string? Reason)
{
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

public sealed record FulfilCommitment(Guid CommitmentId, Guid OfficialId, string? EvidenceUrl, string? Note);

public sealed record AbandonCommitment(Guid CommitmentId, Guid OfficialId, string? Reason);

/// <summary>Link <paramref name="Origin"/> to the published commitment (a proposal accepted into it).</summary>
public sealed record LinkCommitmentOrigin(Guid CommitmentId, Guid OfficialId, CommitmentOrigin Origin);

/// <summary>Record the commitment overdue if <paramref name="DueDate"/> is still its due date and has passed (sent by the scheduler).</summary>
public sealed record MarkCommitmentOverdue(Guid CommitmentId, DateOnly DueDate);
