namespace Platform.Api.Live;

/// <summary>What a watcher receives: the whole current view, with its version (highest event sequence reflected).</summary>
public sealed record LiveView(string View, string City, Guid Id, long Version, object Data);
