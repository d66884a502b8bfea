using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Projections.Concerns;

/// <summary>
/// Inline projection that counts supports into <see cref="SupportTally"/> with one atomic upsert per
/// event, in the same transaction as the event: the count is exact, and visible right after the write.
/// It counts supports of every kind of item (concerns and proposals): item ids are unique across kinds.
/// </summary>
public partial class SupportTallyProjection : EventProjection
{
    private readonly string _table;

    public SupportTallyProjection(string schema)
    {
        _table = $"{schema}.{SupportTally.TableName}";
        IncludeType<ConcernSupported>();
        IncludeType<ConcernSupportWithdrawn>();
        IncludeType<ProposalSupported>();
        IncludeType<ProposalSupportWithdrawn>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        switch (e.Data)
        {
            case ConcernSupported s: Count(operations, e, s.ConcernId, s.ResidentId, 1); break;
            case ConcernSupportWithdrawn w: Count(operations, e, w.ConcernId, w.ResidentId, -1); break;
            case ProposalSupported s: Count(operations, e, s.ProposalId, s.ResidentId, 1); break;
            case ProposalSupportWithdrawn w: Count(operations, e, w.ProposalId, w.ResidentId, -1); break;
        }
        return ValueTask.CompletedTask;
    }

    private void Count(IDocumentOperations operations, IEvent e, Guid itemId, Guid residentId, int delta) =>
        operations.QueueSqlCommand(
            $"insert into {_table} as t (tenant_id, item_id, shard, supports, last_sequence) values (?, ?, ?, ?, ?) " +
            "on conflict (tenant_id, item_id, shard) do update set supports = t.supports + excluded.supports, " +
            "last_sequence = greatest(t.last_sequence, excluded.last_sequence)",
            e.TenantId, itemId, SupportTally.ShardOf(residentId), (long)delta, e.Sequence);
}
