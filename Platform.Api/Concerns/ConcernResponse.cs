using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>A concern as the API shows it.</summary>
/// <param name="Supports">How many residents support it now.</param>
/// <param name="Version">The highest event sequence this view reflects; a watcher uses it to order pushes.</param>
public sealed record ConcernResponse(
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
    long Version);
