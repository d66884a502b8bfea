using Marten.Events.Projections;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Projections.Concerns;

/// <summary>
/// Inline projection that counts supports into <see cref="SupportTally"/> in the transaction that appends them:
/// the count is exact, and visible right after the write. It counts supports of every kind of item (concerns and
/// proposals): item ids are unique across kinds.
/// <para>
/// A transaction writes one row per item, whatever the number of its supports (group commit puts many in one), on a
/// shard picked at random: concurrent transactions on one popular item then rarely wait on the same row, and items
/// are written in id order, so two transactions never wait on each other in a cycle.
/// </para>
/// </summary>
public sealed class SupportTallyProjection(string schema) : IProjection, ISqlRebuild
{
    private readonly string _sql =
        $"insert into {schema}.{SupportTally.TableName} as t (tenant_id, item_id, shard, supports, last_sequence) values (?, ?, ?, ?, ?) " +
        "on conflict (tenant_id, item_id, shard) do update set supports = t.supports + excluded.supports, " +
        "last_sequence = greatest(t.last_sequence, excluded.last_sequence)";

    private static readonly IComparer<(string Tenant, Guid Item)> ByTenantThenItem = Comparer<(string Tenant, Guid Item)>.Create(
        static (a, b) => string.CompareOrdinal(a.Tenant, b.Tenant) is var byTenant and not 0 ? byTenant : a.Item.CompareTo(b.Item));

    /// <summary>The events it counts.</summary>
    public static readonly Type[] EventTypes = [typeof(ConcernSupported), typeof(ConcernSupportWithdrawn), typeof(ProposalSupported), typeof(ProposalSupportWithdrawn)];

    public string Table => $"{schema}.{SupportTally.TableName}";

    /// <summary>One row per item (shard 0): its supports less its withdrawals, and the newest of their sequences.</summary>
    public string RebuildSql(Func<Type, string> eventTypeName) =>
        $"insert into {Table} (tenant_id, item_id, shard, supports, last_sequence) " +
        "select tenant_id, coalesce(data ->> 'concernId', data ->> 'proposalId')::uuid, 0, " +
        $"sum(case when type in ({ISqlRebuild.List(eventTypeName, [typeof(ConcernSupported), typeof(ProposalSupported)])}) then 1 else -1 end), max(seq_id) " +
        $"from {schema}.mt_events where type in ({ISqlRebuild.List(eventTypeName, EventTypes)}) and not is_archived group by 1, 2";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        SortedDictionary<(string Tenant, Guid Item), (long Delta, long Sequence)>? counts = null;
        foreach (var e in events)
        {
            (Guid Item, int Delta)? change = e.Data switch
            {
                ConcernSupported s => (s.ConcernId, 1),
                ConcernSupportWithdrawn w => (w.ConcernId, -1),
                ProposalSupported s => (s.ProposalId, 1),
                ProposalSupportWithdrawn w => (w.ProposalId, -1),
                _ => null,
            };
            if (change is not { } c) continue;
            counts ??= new SortedDictionary<(string, Guid), (long, long)>(ByTenantThenItem);
            var key = (e.TenantId, c.Item);
            var (delta, sequence) = counts.GetValueOrDefault(key);
            counts[key] = (delta + c.Delta, Math.Max(sequence, e.Sequence));
        }
        if (counts is null) return Task.CompletedTask;
        // The sequence is recorded even when the deltas cancel out: the item's view version must still move.
        foreach (var ((tenant, item), (delta, sequence)) in counts)
            operations.QueueSqlCommand(_sql, tenant, item, Random.Shared.Next(SupportTally.Shards), delta, sequence);
        return Task.CompletedTask;
    }
}
