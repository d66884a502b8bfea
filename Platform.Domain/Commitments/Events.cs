namespace Platform.Domain.Commitments;

/// <summary>What a commitment answers.</summary>
public enum OriginKind
{
    Concern,
    Proposal,
    Consultation,
    TownHall,
    /// <summary>A peer-review recommendation the city supported.</summary>
    Recommendation,
}

public sealed record CommitmentOrigin(OriginKind Kind, Guid Id);

/// <summary>The council published a commitment. <paramref name="ParentId"/> and <paramref name="Weight"/> place it under a parent commitment.</summary>
public sealed record CommitmentPublished(
    Guid CommitmentId,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string[] IndicatorCodes,
    string Department,
    DateOnly DueDate,
    decimal? Budget,
    CommitmentOrigin[] Origins,
    Guid? ParentId,
    decimal Weight,
    Guid OfficialId,
    DateTimeOffset PublishedAt);

public sealed record CommitmentMilestonePlanned(Guid CommitmentId, Guid MilestoneId, string Title, DateOnly DueDate, Guid OfficialId, DateTimeOffset PlannedAt);

public sealed record CommitmentProgressReported(Guid CommitmentId, int Percent, string Note, string? EvidenceUrl, Guid OfficialId, DateTimeOffset ReportedAt);

public sealed record CommitmentDeadlineChanged(Guid CommitmentId, DateOnly PreviousDueDate, DateOnly NewDueDate, string Reason, Guid OfficialId, DateTimeOffset ChangedAt);

public sealed record CommitmentFulfilled(Guid CommitmentId, string EvidenceUrl, string? Note, Guid OfficialId, DateTimeOffset FulfilledAt);

public sealed record CommitmentAbandoned(Guid CommitmentId, string Reason, Guid OfficialId, DateTimeOffset AbandonedAt);

/// <summary>Recorded by a durable scheduled message when the due date passed unfulfilled.</summary>
public sealed record CommitmentOverdue(Guid CommitmentId, DateOnly DueDate, DateTimeOffset RecordedAt);
