using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>The "concern" view changes with every event of the concern and with each support of it.</summary>
public sealed class ConcernLiveRoute : ILiveViewRoute
{
    public const string View = "concern";

    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(ConcernRaised), typeof(ConcernSupported), typeof(ConcernSupportWithdrawn), typeof(ConcernAcknowledged),
        typeof(ConcernAnswered), typeof(ConcernDeclined), typeof(ConcernResolved), typeof(ConcernHidden),
        typeof(ConcernRestored), typeof(ConcernWithdrawn), typeof(ConcernLinkedToCommitment), typeof(ConcernRedacted),
        typeof(ConcernContested), typeof(ConcernReopened), typeof(ConcernEscalated), typeof(EscalationFindingRecorded),
    ];

    public IEnumerable<ViewChange> ChangesOf(IEvent e)
    {
        Guid? id = e.Data switch
        {
            ConcernRaised r => r.ConcernId,
            ConcernSupported s => s.ConcernId,
            ConcernSupportWithdrawn w => w.ConcernId,
            ConcernAcknowledged a => a.ConcernId,
            ConcernAnswered a => a.ConcernId,
            ConcernDeclined d => d.ConcernId,
            ConcernResolved r => r.ConcernId,
            ConcernHidden h => h.ConcernId,
            ConcernRestored r => r.ConcernId,
            ConcernRedacted r => r.ConcernId,
            ConcernWithdrawn w => w.ConcernId,
            ConcernLinkedToCommitment l => l.ConcernId,
            ConcernContested c => c.ConcernId,
            ConcernReopened r => r.ConcernId,
            ConcernEscalated x => x.ConcernId,
            EscalationFindingRecorded f => f.ConcernId,
            _ => null,
        };
        if (id is { } concernId) yield return new ViewChange(View, e.TenantId, concernId, e.Sequence);
    }
}
