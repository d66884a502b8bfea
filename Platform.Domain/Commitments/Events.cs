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

/// <summary>
/// The council published a commitment. <paramref name="ParentId"/> and <paramref name="Weight"/> place it
/// under a parent commitment. <paramref name="DueAt"/> is the instant the due date ends in the city's time
/// zone (the start of the next local day), fixed when published so a later time-zone change rewrites no history.
/// </summary>
public sealed record CommitmentPublished(
    Guid CommitmentId,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string[] IndicatorCodes,
    string Department,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    decimal? Budget,
    CommitmentOrigin[] Origins,
    Guid? ParentId,
    decimal Weight,
    Guid OfficialId,
    DateTimeOffset PublishedAt);

public sealed record CommitmentMilestonePlanned(Guid CommitmentId, Guid MilestoneId, string Title, DateOnly DueDate, Guid OfficialId, DateTimeOffset PlannedAt);

/// <summary>
/// Progress on the commitment. <paramref name="ParentId"/> repeats the parent of a sub-commitment, so the
/// parent's view (whose progress rolls up its children's) learns it changed without a lookup.
/// </summary>
public sealed record CommitmentProgressReported(Guid CommitmentId, int Percent, string Note, string? EvidenceUrl, Guid OfficialId, DateTimeOffset ReportedAt, Guid? ParentId = null);

/// <summary>The due date moved; <paramref name="NewDueAt"/> is when the new due date ends in the city (see <see cref="CommitmentPublished"/>).</summary>
public sealed record CommitmentDeadlineChanged(Guid CommitmentId, DateOnly PreviousDueDate, DateOnly NewDueDate, DateTimeOffset NewDueAt, string Reason, Guid OfficialId, DateTimeOffset ChangedAt);

/// <summary>The commitment was kept; a fulfilled sub-commitment counts as 100 % in its parent.</summary>
public sealed record CommitmentFulfilled(Guid CommitmentId, string EvidenceUrl, string? Note, Guid OfficialId, DateTimeOffset FulfilledAt, Guid? ParentId = null);

/// <summary>The council gave the commitment up; an abandoned sub-commitment drops out of its parent's roll-up.</summary>
public sealed record CommitmentAbandoned(Guid CommitmentId, string Reason, Guid OfficialId, DateTimeOffset AbandonedAt, Guid? ParentId = null);

/// <summary>
/// Something the commitment answers was linked after publication (a proposal the council accepted into
/// this existing commitment): the commitment's origins grow by <paramref name="Origin"/>.
/// </summary>
public sealed record CommitmentOriginLinked(Guid CommitmentId, CommitmentOrigin Origin, Guid OfficialId, DateTimeOffset LinkedAt);

/// <summary>Recorded by a durable scheduled message when the due date passed unfulfilled.</summary>
public sealed record CommitmentOverdue(Guid CommitmentId, DateOnly DueDate, DateTimeOffset RecordedAt);
