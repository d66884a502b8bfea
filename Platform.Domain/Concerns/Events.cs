namespace Platform.Domain.Concerns;

/// <summary>A resident raised a rights concern in a city. The first event of a Concern stream.</summary>
public sealed record ConcernRaised(
    Guid ConcernId,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string? District,
    Guid AuthorId,
    bool Anonymous,
    DateTimeOffset RaisedAt);

/// <summary>
/// A resident supports a concern. Recorded in the resident's own support stream for that concern
/// (see <see cref="PersonalStream"/>), never in the concern's stream, so supports do not contend.
/// </summary>
public sealed record ConcernSupported(Guid ConcernId, Guid ResidentId, DateTimeOffset SupportedAt);

/// <summary>A resident took back their support.</summary>
public sealed record ConcernSupportWithdrawn(Guid ConcernId, Guid ResidentId, DateTimeOffset WithdrawnAt);

/// <summary>The council took the concern up: a department owns it and must answer by <paramref name="ResponseDue"/>.</summary>
public sealed record ConcernAcknowledged(Guid ConcernId, Guid OfficialId, string Department, DateTimeOffset ResponseDue, DateTimeOffset AcknowledgedAt);

/// <summary>The council's answer to the concern.</summary>
public sealed record ConcernAnswered(Guid ConcernId, Guid OfficialId, string Answer, DateTimeOffset AnsweredAt);

/// <summary>The council declined to act on the concern, and said why.</summary>
public sealed record ConcernDeclined(Guid ConcernId, Guid OfficialId, string Reason, DateTimeOffset DeclinedAt);

/// <summary>The concern is settled.</summary>
public sealed record ConcernResolved(Guid ConcernId, Guid OfficialId, string? Note, DateTimeOffset ResolvedAt);

/// <summary>A moderator hid the concern from public lists (it stays in the history).</summary>
public sealed record ConcernHidden(Guid ConcernId, Guid ModeratorId, string Reason, DateTimeOffset HiddenAt);

/// <summary>A moderator made a hidden concern public again.</summary>
/// <summary>
/// A moderator removed the concern's text (title, description, district): the text of its <see cref="ConcernRaised"/>
/// is masked in the store itself; the concern, its supports and its history stay.
/// </summary>
public sealed record ConcernRedacted(Guid ConcernId, Guid ModeratorId, string Reason, DateTimeOffset RedactedAt);

public sealed record ConcernRestored(Guid ConcernId, Guid ModeratorId, string Reason, DateTimeOffset RestoredAt);

/// <summary>The author withdrew their concern.</summary>
public sealed record ConcernWithdrawn(Guid ConcernId, DateTimeOffset WithdrawnAt);

/// <summary>A commitment answers this concern; its supporters can follow it.</summary>
public sealed record ConcernLinkedToCommitment(Guid ConcernId, Guid CommitmentId, DateTimeOffset LinkedAt);

/// <summary>
/// A resident contested the council's answer or resolution, saying why. <paramref name="ContestedBy"/> is the
/// resident's pseudonym (the author's or a supporter's), never an account id.
/// </summary>
public sealed record ConcernContested(Guid ConcernId, Guid ContestedBy, string Reason, DateTimeOffset ContestedAt);

/// <summary>
/// A contest (the author's, or enough supporters') reopened the concern: it is under review again and a new answer is
/// due by <paramref name="ResponseDue"/> (the city's response days from the reopening).
/// </summary>
public sealed record ConcernReopened(Guid ConcernId, string Reason, DateTimeOffset ResponseDue, DateTimeOffset ReopenedAt);

/// <summary>The author or a supporter took the concern to the city's independent body (by pseudonym, as a contest).</summary>
public sealed record ConcernEscalated(Guid ConcernId, Guid EscalatedBy, string Reason, DateTimeOffset EscalatedAt);

/// <summary>A member of the city's independent body recorded its finding on an escalated concern.</summary>
/// <param name="Outcome">One of <see cref="ConcernRules.EscalationOutcomes"/>.</param>
public sealed record EscalationFindingRecorded(Guid ConcernId, Guid BodyMemberId, string Finding, string Outcome, DateTimeOffset RecordedAt);
