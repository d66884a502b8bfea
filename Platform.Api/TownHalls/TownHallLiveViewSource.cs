using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>Snapshots of the "town-hall" view: the same live state <c>GET .../town-halls/{id}</c> returns.</summary>
public sealed class TownHallLiveViewSource(TownHallReader reader) : ILiveViewSource
{
    public string View => TownHallLiveRoute.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        var details = await reader.FindAsync(session, city, id, cancellation);
        return details is null ? null : new LiveView(View, city, id, details.Version, details);
    }
}
