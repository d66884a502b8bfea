namespace Platform.Domain.Concerns;

/// <summary>Raise a rights concern. Fields are nullable because they arrive from clients as they are.</summary>
public sealed record RaiseConcern(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District,
    bool Anonymous = false);

/// <summary>
/// Support a concern, as the given resident. <see cref="VerifiedResident"/> comes from the caller's sign-in,
/// <see cref="VerifiedResidencyRequired"/> from the city's settings (set by the handler).
/// </summary>
public sealed record SupportConcern(Guid ConcernId, Guid ResidentId)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
}

/// <summary>Take back a resident's support of a concern.</summary>
public sealed record WithdrawConcernSupport(Guid ConcernId, Guid ResidentId);

/// <summary>An official takes the concern up for a department; the answer is due after the city's response deadline.</summary>
public sealed record AcknowledgeConcern(string? Department);

/// <summary>An official answers the concern.</summary>
public sealed record AnswerConcern(string? Answer);

/// <summary>An official declines to act, saying why.</summary>
public sealed record DeclineConcern(string? Reason);

/// <summary>An official marks the concern settled.</summary>
public sealed record ResolveConcern(string? Note);

/// <summary>A moderator hides or restores a concern, saying why.</summary>
public sealed record ModerateConcern(string? Reason);
