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
/// (see <see cref="SupportStream"/>), never in the concern's stream, so supports do not contend.
/// </summary>
public sealed record ConcernSupported(Guid ConcernId, Guid ResidentId, DateTimeOffset SupportedAt);

/// <summary>A resident took back their support.</summary>
public sealed record ConcernSupportWithdrawn(Guid ConcernId, Guid ResidentId, DateTimeOffset WithdrawnAt);
