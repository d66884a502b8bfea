using Marten;

namespace Platform.Api.Live;

/// <summary>All watchable views, by kind: the hub and the notifier load snapshots through here.</summary>
public sealed class LiveViews(IEnumerable<ILiveViewSource> sources)
{
    private readonly Dictionary<string, ILiveViewSource> _sources = sources.ToDictionary(s => s.View, StringComparer.Ordinal);

    public bool IsWatchable(string view) => _sources.ContainsKey(view);

    public Task<LiveView?> LoadAsync(IDocumentStore store, string view, string city, Guid id, CancellationToken cancellation) =>
        _sources.TryGetValue(view, out var source) ? source.LoadAsync(store, city, id, cancellation) : Task.FromResult<LiveView?>(null);
}
