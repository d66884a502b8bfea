using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>Snapshots of the "concern" view: the same response as <c>GET .../concerns/{id}</c>.</summary>
public sealed class ConcernLiveViewSource(ConcernReader reader) : ILiveViewSource
{
    public string View => ConcernLiveRoute.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        var concern = await reader.LoadAsync(session, city, id, cancellation);
        if (concern is null) return null;
        // Watchers are the public: a hidden concern's content is withheld from them, and it cannot be watched anew.
        var hidden = concern.Status == Platform.Domain.Concerns.ConcernStatus.Hidden;
        if (hidden) concern = concern with { Title = "", Description = "", Answer = null, DeclineReason = null, ResolutionNote = null, District = null };
        return new LiveView(View, city, id, concern.Version, concern) { Withheld = hidden };
    }
}
