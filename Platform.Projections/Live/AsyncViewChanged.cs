namespace Platform.Projections.Live;

/// <summary>
/// Published (through the Wolverine outbox) by an async projection after it committed a new version of
/// a view. Async views cannot be pushed from <see cref="LiveViewSubscription"/>: that subscription runs
/// beside the projection, not after it, so it could load the view before the projection caught up and
/// push a stale snapshot. The projection itself knows when its view changed.
/// </summary>
public sealed record AsyncViewChanged(string View, string City, Guid Id, long Version);
