using Microsoft.AspNetCore.SignalR;

namespace Platform.Api.Live;

/// <summary>
/// The live hub (<c>/hubs/live</c>). A client calls <c>Watch(view, city, id)</c> and gets the current
/// snapshot; from then on it receives <c>ViewChanged</c> with the new snapshot whenever the view changes.
/// A client applies a push whose version is at least the one it holds and ignores older ones; a push whose
/// <c>previousVersion</c> is above the held version means one was missed, and the client calls <c>Watch</c>
/// again for a fresh snapshot (as it does after reconnecting).
/// </summary>
public sealed class LiveHub(LiveViews views, CityDirectory cities, IWatchedViews watched, WatchSnapshots snapshots, Marten.IDocumentStore store) : Hub
{
    public const string Path = "/hubs/live";
    public const string ViewChanged = "ViewChanged";

    public async Task<LiveView> Watch(string view, string city, Guid id)
    {
        if (!views.IsWatchable(view)) throw new HubException($"'{view}' is not a view that can be watched.");
        if (views.ScopeOf(view) is { } scope ? city != scope : !await cities.ExistsAsync(city, Context.ConnectionAborted)) throw new HubException($"'{city}' is not a city of the network.");

        // Join first, then read: a change committed in between arrives as a push with a higher version.
        var group = LiveGroups.Of(view, city, id);
        watched.Watching(Context.ConnectionId, group);
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        // A read that began after this join, shared with the watchers joining at the same time.
        var snapshot = await snapshots.LoadAsync(store, group, view, city, id, snapshots.Joined(), Context.ConnectionAborted);
        if (snapshot is null or { Withheld: true })
        {
            watched.Unwatching(Context.ConnectionId, group);
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw new HubException($"No {view} {id} in {city}.");
        }
        return snapshot;
    }

    public Task Unwatch(string view, string city, Guid id)
    {
        var group = LiveGroups.Of(view, city, id);
        watched.Unwatching(Context.ConnectionId, group);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watched.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
