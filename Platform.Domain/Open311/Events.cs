namespace Platform.Domain.Open311;

/// <summary>A key was issued to a client app: the first event of an Open311 client stream. Only the key's hash is kept.</summary>
public sealed record Open311KeyIssued(Guid ClientId, string App, string KeyHash, Guid IssuedBy, DateTimeOffset IssuedAt);

/// <summary>The client app's key was revoked; it is refused from now on.</summary>
public sealed record Open311KeyRevoked(Guid ClientId, Guid RevokedBy, DateTimeOffset RevokedAt);

/// <summary>
/// A concern came in through a client app's Open311 request: which app, and where the problem is (an address as the app
/// gave it, or a point). The first event of the request's own stream (<see cref="PersonalStream"/> of the concern and the
/// client), appended in the same transaction as the concern's <see cref="Concerns.ConcernRaised"/>.
/// </summary>
public sealed record Open311RequestReceived(Guid ConcernId, Guid ClientId, string? Address, double? Latitude, double? Longitude, DateTimeOffset ReceivedAt);
