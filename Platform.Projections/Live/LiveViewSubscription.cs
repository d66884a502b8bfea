using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Platform.Domain.Concerns;

namespace Platform.Projections.Live;

/// <summary>
/// Reads committed events (async daemon) and tells the <see cref="ILiveViewNotifier"/> which views they
/// changed, once per view per batch. Views are never pushed from endpoints, only from here.
/// </summary>
public sealed class LiveViewSubscription : SubscriptionBase
{
    private readonly ILiveViewNotifier _notifier;

    public LiveViewSubscription(ILiveViewNotifier notifier)
    {
        _notifier = notifier;
        Name = "live-views";
        IncludeType<ConcernRaised>();
        IncludeType<ConcernSupported>();
        IncludeType<ConcernSupportWithdrawn>();
        Options.BatchSize = 1000;
        Options.SubscribeFromPresent();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var changes = new Dictionary<(string, string, Guid), ViewChange>();
        foreach (var e in page.Events)
        {
            var change = ChangeOf(e);
            if (change is not null) changes[(change.View, change.City, change.Id)] = change;
        }
        if (changes.Count > 0) await _notifier.ViewsChangedAsync(changes.Values, operations.DocumentStore, cancellationToken);
        return NullChangeListener.Instance;
    }

    private static ViewChange? ChangeOf(IEvent e) => e.Data switch
    {
        ConcernRaised r => new ViewChange("concern", e.TenantId, r.ConcernId, e.Sequence),
        ConcernSupported s => new ViewChange("concern", e.TenantId, s.ConcernId, e.Sequence),
        ConcernSupportWithdrawn w => new ViewChange("concern", e.TenantId, w.ConcernId, e.Sequence),
        _ => null,
    };
}
