namespace Platform.Projections.Live;

/// <summary>Told about views that changed after their events committed; the API pushes them to watchers.</summary>
public interface ILiveViewNotifier
{
    /// <param name="store">The store the changes were read from, for loading the new snapshots.</param>
    Task ViewsChangedAsync(IReadOnlyCollection<ViewChange> changes, Marten.IDocumentStore store, CancellationToken cancellation);
}
