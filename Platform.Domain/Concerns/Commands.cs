namespace Platform.Domain.Concerns;

/// <summary>
/// Raise a rights concern as <paramref name="ConcernId"/> (a new id), by the signed-in <paramref name="AccountId"/>.
/// The text fields are nullable because they arrive from clients as they are.
/// </summary>
public sealed record RaiseConcern(
    Guid ConcernId,
    Guid AccountId,
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District,
    bool Anonymous = false)
{
    /// <summary>
    /// Who the concern records as its author: the account, or for an anonymous concern the account's pseudonym, so no
    /// account id is stored in clear (docs/privacy.md). The handler sets it (it holds the pseudonym key).
    /// </summary>
    public Guid AuthorId { get; init; } = AccountId;

    /// <summary>The groups the concern affects (codes of <see cref="Platform.Domain.Groups"/>; at most <see cref="ConcernGroupTagging.MaxGroups"/>), if the author names any.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}

/// <summary>
/// Support a concern, as the given resident. <see cref="VerifiedResident"/> comes from the caller's sign-in,
/// <see cref="VerifiedResidencyRequired"/> from the city's settings (set by the handler).
/// </summary>
public sealed record SupportConcern(Guid ConcernId, Guid ResidentId)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
    /// <summary>Whether the person's email address is verified (from the sign-in); required when <see cref="VerifiedEmailRequired"/> (the city's setting).</summary>
    public bool VerifiedEmail { get; init; }
    public bool VerifiedEmailRequired { get; init; }
}

/// <summary>Take back a resident's support of a concern.</summary>
public sealed record WithdrawConcernSupport(Guid ConcernId, Guid ResidentId);

/// <summary>An official takes the concern up for a department; the answer is due after the city's response deadline.</summary>
public sealed record AcknowledgeConcern(Guid ConcernId, Guid OfficialId, string? Department)
{
    /// <summary>The city's response deadline in days (its setting; the handler sets it).</summary>
    public int ResponseDays { get; init; } = 30;
}

/// <summary>An official answers the concern.</summary>
public sealed record AnswerConcern(Guid ConcernId, Guid OfficialId, string? Answer);

/// <summary>An official declines to act, saying why.</summary>
public sealed record DeclineConcern(Guid ConcernId, Guid OfficialId, string? Reason);

/// <summary>An official marks the concern settled, with an optional note.</summary>
public sealed record ResolveConcern(Guid ConcernId, Guid OfficialId, string? Note);

/// <summary>A moderator hides a concern from the public, saying why.</summary>
public sealed record HideConcern(Guid ConcernId, Guid ModeratorId, string? Reason);

/// <summary>A moderator makes a hidden concern public again, saying why.</summary>
public sealed record RestoreConcern(Guid ConcernId, Guid ModeratorId, string? Reason);

/// <summary>A moderator removes the concern's text, saying why.</summary>
public sealed record RedactConcern(Guid ConcernId, Guid ModeratorId, string? Reason);

/// <summary>The author withdraws their concern (<paramref name="AccountId"/> is the signed-in caller).</summary>
public sealed record WithdrawConcern(Guid ConcernId, Guid AccountId)
{
    /// <summary>The caller's pseudonym, under which their anonymous concerns are recorded (the handler sets it).</summary>
    public Guid? Pseudonym { get; init; }
}

/// <summary>
/// The author or a supporter contests the council's answer or resolution (<paramref name="AccountId"/> is the signed-in
/// caller). The handler sets who the caller is to the concern: their pseudonym, whether they support it, and the
/// city's response days (the new deadline if the contest reopens the concern).
/// </summary>
public sealed record ContestConcern(Guid ConcernId, Guid AccountId, string? Reason)
{
    /// <summary>The caller's pseudonym: the contest is recorded under it, and an anonymous author is known by it.</summary>
    public Guid Pseudonym { get; init; }
    /// <summary>The caller supports the concern now.</summary>
    public bool Supporter { get; init; }
    /// <summary>The city's response deadline in days.</summary>
    public int ResponseDays { get; init; } = 30;
}

/// <summary>The author or a supporter takes the concern to the city's independent body (see <see cref="ContestConcern"/> for what the handler sets).</summary>
public sealed record EscalateConcern(Guid ConcernId, Guid AccountId, string? Reason)
{
    public Guid Pseudonym { get; init; }
    public bool Supporter { get; init; }
}

/// <summary>A member of the city's independent body records its finding on an escalated concern.</summary>
public sealed record RecordEscalationFinding(Guid ConcernId, Guid BodyMemberId, string? Finding, string? Outcome);
