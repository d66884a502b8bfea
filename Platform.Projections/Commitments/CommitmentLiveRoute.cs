using Platform.Domain.Commitments;

namespace Platform.Projections.Commitments;

/// <summary>
/// The "commitment" view changes with every event of the commitment, and a parent's view also with the
/// events of its sub-commitments that move its rolled-up progress (they carry the parent's id).
/// </summary>
public sealed class CommitmentLiveRoute : ILiveViewRoute
{
    public const string View = "commitment";

    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(CommitmentPublished), typeof(CommitmentMilestonePlanned), typeof(CommitmentProgressReported),
        typeof(CommitmentDeadlineChanged), typeof(CommitmentFulfilled), typeof(CommitmentAbandoned), typeof(CommitmentOverdue),
        typeof(CommitmentOriginLinked),
    ];

    public IEnumerable<ViewChange> ChangesOf(IEvent e)
    {
        (Guid? id, Guid? parent) = e.Data switch
        {
            CommitmentPublished p => (p.CommitmentId, p.ParentId),
            CommitmentMilestonePlanned m => (m.CommitmentId, null),
            CommitmentProgressReported r => (r.CommitmentId, r.ParentId),
            CommitmentDeadlineChanged d => (d.CommitmentId, null),
            CommitmentFulfilled f => (f.CommitmentId, f.ParentId),
            CommitmentAbandoned a => (a.CommitmentId, a.ParentId),
            CommitmentOverdue o => (o.CommitmentId, (Guid?)null),
            CommitmentOriginLinked l => (l.CommitmentId, (Guid?)null),
            _ => ((Guid?)null, (Guid?)null),
        };
        if (id is { } commitmentId) yield return new ViewChange(View, e.TenantId, commitmentId, e.Sequence);
        if (parent is { } parentId) yield return new ViewChange(View, e.TenantId, parentId, e.Sequence);
    }
}
