using System.Collections.Concurrent;

namespace Platform.Api.Live;

/// <summary>
/// Which live views have watchers, so that the notifier loads and pushes only views someone watches: a burst of
/// supports spread over a thousand concerns nobody has open must not turn into a thousand snapshot reads a second.
/// </summary>
public interface IWatchedViews
{
    bool IsWatched(string group);

    /// <summary>How many connections of this node watch the group; 0 when this node does not count them.</summary>
    int WatchersOf(string group);

    /// <summary>The connection watches the group (called before its snapshot is read). Idempotent per connection.</summary>
    void Watching(string connectionId, string group);

    void Unwatching(string connectionId, string group);

    void Disconnected(string connectionId);
}

/// <summary>
/// Watchers counted on this node: right when one node serves every hub connection, or when each node runs the
/// live-view subscription for its own watchers. With several nodes behind a backplane (<c>Platform:Live:Redis</c>, or
/// <c>Platform:Live:PushUnwatchedViews</c>) the node that pushes a view is not the one its watchers joined, so every
/// view counts as watched there (<see cref="EveryViewWatched"/>) until the registry is shared between nodes.
/// </summary>
public sealed class LocalWatchedViews : IWatchedViews
{
    private readonly ConcurrentDictionary<string, int> _watchers = new();
    private readonly ConcurrentDictionary<string, HashSet<string>> _byConnection = new();

    public bool IsWatched(string group) => WatchersOf(group) > 0;

    public int WatchersOf(string group) => _watchers.TryGetValue(group, out var count) ? count : 0;

    public void Watching(string connectionId, string group)
    {
        var groups = _byConnection.GetOrAdd(connectionId, _ => []);
        lock (groups)
            if (!groups.Add(group)) return;
        _watchers.AddOrUpdate(group, 1, (_, count) => count + 1);
    }

    public void Unwatching(string connectionId, string group)
    {
        if (!_byConnection.TryGetValue(connectionId, out var groups)) return;
        lock (groups)
            if (!groups.Remove(group)) return;
        Release(group);
    }

    public void Disconnected(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var groups)) return;
        lock (groups)
            foreach (var group in groups) Release(group);
    }

    private void Release(string group)
    {
        var left = _watchers.AddOrUpdate(group, 0, (_, count) => Math.Max(0, count - 1));
        if (left == 0) _watchers.TryRemove(KeyValuePair.Create(group, 0));
    }
}

/// <summary>Every view counts as watched: each change is pushed to its group, wherever its watchers are connected.</summary>
public sealed class EveryViewWatched : IWatchedViews
{
    public bool IsWatched(string group) => true;
    public int WatchersOf(string group) => 0;
    public void Watching(string connectionId, string group) { }
    public void Unwatching(string connectionId, string group) { }
    public void Disconnected(string connectionId) { }
}
