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
    bool Redacted = false);
