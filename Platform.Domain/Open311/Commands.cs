namespace Platform.Domain.Open311;

/// <summary>
/// An official of the city issues an Open311 API key to a client app named <paramref name="App"/>, as the new client
/// <paramref name="ClientId"/>. The key itself never reaches the domain: <paramref name="KeyHash"/> is its keyed hash, made by
/// the handler, so the event store holds no key that could be used.
/// </summary>
public sealed record IssueOpen311Key(Guid ClientId, Guid OfficialId, string? App, string KeyHash);

/// <summary>An official of the city revokes a client app's key: from then on its requests are refused.</summary>
public sealed record RevokeOpen311Key(Guid ClientId, Guid OfficialId);
