using Marten.Events.Projections;
using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>
/// Inline projection that counts votes into <see cref="VoteTally"/> in the transaction that appends them: tallies
/// are exact and visible right after the write. A vote is never changed or withdrawn, so counts only go up.
/// <para>
/// A transaction writes one row per (poll, option), whatever the number of its votes (group commit puts many in one),
/// on a shard picked at random, and in (city, poll, option) order: concurrent transactions rarely wait on the same
/// row, and never on each other in a cycle.
/// </para>
/// </summary>
public sealed class VoteTallyProjection(string schema) : IProjection, ISqlRebuild
{
    private readonly string _sql =
        $"insert into {schema}.{VoteTally.TableName} as t (tenant_id, poll_id, option, shard, votes, last_sequence) values (?, ?, ?, ?, ?, ?) " +
        "on conflict (tenant_id, poll_id, option, shard) do update set votes = t.votes + excluded.votes, " +
        "last_sequence = greatest(t.last_sequence, excluded.last_sequence)";

    private static readonly IComparer<(string Tenant, Guid Poll, int Option)> InOrder = Comparer<(string Tenant, Guid Poll, int Option)>.Create(
        static (a, b) => string.CompareOrdinal(a.Tenant, b.Tenant) is var byTenant and not 0 ? byTenant
            : a.Poll.CompareTo(b.Poll) is var byPoll and not 0 ? byPoll
            : a.Option.CompareTo(b.Option));

    /// <summary>The events it counts.</summary>
    public static readonly Type[] EventTypes = [typeof(TownHallVoteCast)];

    public string Table => $"{schema}.{VoteTally.TableName}";

    /// <summary>One row per poll and option (shard 0): its votes and the newest of their sequences.</summary>
    public string RebuildSql(Func<Type, string> eventTypeName) =>
        $"insert into {Table} (tenant_id, poll_id, option, shard, votes, last_sequence) " +
        "select tenant_id, (data ->> 'pollId')::uuid, (data ->> 'option')::int, 0, count(*), max(seq_id) " +
        $"from {schema}.mt_events where type in ({ISqlRebuild.List(eventTypeName, EventTypes)}) and not is_archived group by 1, 2, 3";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        SortedDictionary<(string Tenant, Guid Poll, int Option), (long Votes, long Sequence)>? counts = null;
        foreach (var e in events)
        {
            if (e.Data is not TownHallVoteCast v) continue;
            counts ??= new SortedDictionary<(string, Guid, int), (long, long)>(InOrder);
            var key = (e.TenantId, v.PollId, v.Option);
            var (votes, sequence) = counts.GetValueOrDefault(key);
            counts[key] = (votes + 1, Math.Max(sequence, e.Sequence));
        }
        if (counts is null) return Task.CompletedTask;
        foreach (var ((tenant, poll, option), (votes, sequence)) in counts)
            operations.QueueSqlCommand(_sql, tenant, poll, option, Random.Shared.Next(VoteTally.Shards), votes, sequence);
        return Task.CompletedTask;
    }
}
