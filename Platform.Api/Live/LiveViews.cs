
namespace Platform.Api.Live;

/// <summary>All watchable views, by kind: the hub and the notifier load snapshots through here.</summary>
public sealed class LiveViews(IEnumerable<ILiveViewSource> sources)
{
    private readonly Dictionary<string, ILiveViewSource> _sources = sources.ToDictionary(s => s.View, StringComparer.Ordinal);

    public bool IsWatchable(string view) => _sources.ContainsKey(view);

    /// <summary>The fixed scope of a network-wide view ("network"), null for a city view.</summary>
    public string? ScopeOf(string view) => _sources.TryGetValue(view, out var source) ? source.Scope : null;

    public Task<LiveView?> LoadAsync(IDocumentStore store, string view, string city, Guid id, CancellationToken cancellation) =>
        _sources.TryGetValue(view, out var source) ? source.LoadAsync(store, city, id, cancellation) : Task.FromResult<LiveView?>(null);
}
