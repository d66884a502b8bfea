using Platform.Domain.Commitments;
using Platform.Projections.Commitments;

namespace Platform.Api.Commitments;

/// <summary>
/// A commitment as the API shows it. <paramref name="Progress"/> is the rolled-up progress of its
/// sub-commitments when it has any that count, else <paramref name="ReportedPercent"/>. <paramref name="Status"/>
/// is derived at read time (see docs/commitments.md). <paramref name="Timeline"/> is null in lists.
/// </summary>
/// <param name="ElapsedPercent">The share of the time from publication to the end of the due date that has passed (0-100), the input of "at risk".</param>
/// <param name="Version">The highest event sequence reflected: the commitment's own events and its sub-commitments'.</param>
public sealed record CommitmentDetails(
    Guid Id,
    string City,
    Guid? ParentId,
    decimal Weight,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string[] IndicatorCodes,
    string Department,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    DateOnly OriginalDueDate,
    decimal? Budget,
    OriginLink[] Origins,
    CommitmentStatus Status,
    CommitmentPhase Phase,
    int Progress,
    int ReportedPercent,
    bool RolledUp,
    int ElapsedPercent,
    SubCommitment[] SubCommitments,
    MilestoneEntry[] Milestones,
    DeadlineChange[] DeadlineChanges,
    DateTimeOffset? OverdueSince,
    string? FulfilmentEvidenceUrl,
    DateTimeOffset? FulfilledAt,
    string? AbandonReason,
    DateTimeOffset? AbandonedAt,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    TimelineEntry[]? Timeline,
    long Version);

/// <summary>What the commitment answers, with the API address of that origin.</summary>
public sealed record OriginLink(string Kind, Guid Id, string Href);

/// <summary>A sub-commitment as its parent shows it.</summary>
public sealed record SubCommitment(Guid Id, string Title, decimal Weight, int Progress, CommitmentStatus Status);
