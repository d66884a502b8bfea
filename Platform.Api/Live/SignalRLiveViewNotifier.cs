using Microsoft.AspNetCore.SignalR;
using Platform.Projections.Live;

namespace Platform.Api.Live;

/// <summary>Pushes the new snapshot of each changed view to the group that watches it.</summary>
public sealed class SignalRLiveViewNotifier(IHubContext<LiveHub> hub, LiveViews views, ILogger<SignalRLiveViewNotifier> logger) : ILiveViewNotifier
{
    public async Task ViewsChangedAsync(IReadOnlyCollection<ViewChange> changes, Marten.IDocumentStore store, CancellationToken cancellation)
    {
        foreach (var change in changes)
        {
            var snapshot = await views.LoadAsync(store, change.View, change.City, change.Id, cancellation);
            if (snapshot is null) continue;
            await hub.Clients.Group(LiveGroups.Of(change.View, change.City, change.Id))
                .SendAsync(LiveHub.ViewChanged, snapshot, cancellation);
            logger.LogDebug("Pushed {View} {City}/{Id} at version {Version}", change.View, change.City, change.Id, snapshot.Version);
        }
    }
}
