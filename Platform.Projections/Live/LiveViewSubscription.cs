using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten.Subscriptions;

namespace Platform.Projections.Live;

/// <summary>
/// Reads committed events (async daemon) and tells the <see cref="ILiveViewNotifier"/> which views they
/// changed, once per view per batch, with the highest sequence that changed it. Views are never
/// pushed from endpoints, only from here.
/// </summary>
public sealed class LiveViewSubscription : SubscriptionBase
{
    private readonly ILiveViewNotifier _notifier;
    private readonly ILiveViewRoute[] _routes;

    public LiveViewSubscription(ILiveViewNotifier notifier, IEnumerable<ILiveViewRoute> routes)
    {
        _notifier = notifier;
        _routes = routes.ToArray();
        Name = "live-views";
        foreach (var type in _routes.SelectMany(r => r.EventTypes).Distinct()) IncludeType(type);
        Options.BatchSize = 1000;
        // It resumes from where it stopped, on whichever node runs it next: a change committed while no node ran it (a
        // start, a node's death before another takes over) is still pushed once it runs. (From the present, it would
        // skip to the newest event each time it starts, and those changes would never reach their watchers.)
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<(string, string, Guid), ViewChange>();
        foreach (var e in page.Events)
            foreach (var route in _routes)
                foreach (var change in route.ChangesOf(e))
                    changes[(change.View, change.City, change.Id)] = change;

        if (changes.Count > 0) await _notifier.ViewsChangedAsync(changes.Values, operations.DocumentStore, cancellationToken);
        return NullChangeListener.Instance;
    }
}
