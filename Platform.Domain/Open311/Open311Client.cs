namespace Platform.Domain.Open311;

/// <summary>
/// A client app of the city's Open311 endpoint and the hash of its key: the write-side state, kept as the snapshot the
/// endpoint looks keys up in (by <see cref="KeyHash"/>, in the city's tenant only).
/// </summary>
public sealed record Open311Client(Guid Id, string App, string KeyHash, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt = null)
{
    public static Open311Client From(Open311KeyIssued e) => new(e.ClientId, e.App, e.KeyHash, e.IssuedAt);

    public Open311Client Then(Open311KeyRevoked e) => this with { RevokedAt = e.RevokedAt };

    /// <summary>Whether requests made with the client's key are accepted.</summary>
    public bool Active => RevokedAt is null;
}

/// <summary>Where an Open311 request located its concern, and through which client app; kept as a snapshot for the reads.</summary>
public sealed record Open311Request(Guid Id, Guid ConcernId, Guid ClientId, string? Address, double? Latitude, double? Longitude, DateTimeOffset ReceivedAt)
{
    public static Open311Request From(Open311RequestReceived e) =>
        new(StreamOf(e.ConcernId, e.ClientId), e.ConcernId, e.ClientId, e.Address, e.Latitude, e.Longitude, e.ReceivedAt);

    /// <summary>The id of the request's stream: the client's own stream about the concern.</summary>
    public static Guid StreamOf(Guid concernId, Guid clientId) => PersonalStream.Id(concernId, clientId);
}
