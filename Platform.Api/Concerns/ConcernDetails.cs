using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// A concern as the API shows it. The author's identity is never part of it; <c>authoredByYou</c> tells
/// the signed-in author that it is theirs (also for anonymous concerns).
/// </summary>
/// <param name="Supports">How many residents support it now.</param>
/// <param name="Version">The highest event sequence this view reflects; watchers use it to order pushes.</param>
public sealed record ConcernDetails(
    Guid Id,
    string City,
    string Title,
    string Description,
    string[] Rights,
    string[] SdgTargets,
    string? District,
    ConcernStatus Status,
    bool Anonymous,
    long Supports,
    DateTimeOffset RaisedAt,
    DateTimeOffset UpdatedAt,
    string? Department,
    DateTimeOffset? ResponseDue,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    string? DeclineReason,
    string? ResolutionNote,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<Guid> Commitments,
    bool AuthoredByYou,
    long Version,
    bool Redacted = false,
    ConcernContestDetails? Contest = null,
    Organisations.ConcernOnBehalf? OnBehalf = null)
{
    /// <summary>The groups the concern affects (codes of <see cref="Platform.Domain.Groups"/>).</summary>
    public string[] Groups { get; init; } = [];
    /// <summary>The role of the account that recorded it on behalf of a resident met offline (official, organisation), or null.</summary>
    public string? AssistedBy { get; init; }
    /// <summary>How many of its supports were recorded on behalf of residents met offline.</summary>
    public int AssistedSupports { get; init; }
}

/// <summary>
/// What residents did with the council's response: <paramref name="ContestableUntil"/> is the end of the period to contest
/// the current answer or resolution (null: nothing to contest), <paramref name="Contests"/> how many contested it,
/// <paramref name="Reopens"/> how many times contests reopened the concern; then its escalation to the city's
/// independent body and the body's finding (<paramref name="FindingOutcome"/>: upheld, partly-upheld or not-upheld).
/// </summary>
public sealed record ConcernContestDetails(
    DateTimeOffset? ContestableUntil,
    int Contests,
    int Reopens,
    DateTimeOffset? ReopenedAt,
    string? ReopenReason,
    DateTimeOffset? EscalatedAt,
    string? EscalationReason,
    string? Finding,
    string? FindingOutcome,
    DateTimeOffset? FindingRecordedAt);
