using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Platform.Domain.TownHalls;
using Platform.Projections.Concerns;

namespace Platform.Projections.TownHalls;

/// <summary>
/// Inline projection that counts votes into <see cref="VoteTally"/> with one atomic upsert per vote, in
/// the same transaction as the vote event: tallies are exact and visible right after the write. A vote
/// is never changed or withdrawn, so counts only go up.
/// </summary>
public partial class VoteTallyProjection : EventProjection
{
    private readonly string _sql;

    public VoteTallyProjection(string schema)
    {
        _sql = $"insert into {schema}.{VoteTally.TableName} as t (tenant_id, poll_id, option, shard, votes, last_sequence) values (?, ?, ?, ?, 1, ?) " +
               "on conflict (tenant_id, poll_id, option, shard) do update set votes = t.votes + 1, " +
               "last_sequence = greatest(t.last_sequence, excluded.last_sequence)";
        IncludeType<TownHallVoteCast>();
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is TownHallVoteCast v)
            operations.QueueSqlCommand(_sql, e.TenantId, v.PollId, v.Option, SupportTally.ShardOf(v.ResidentId), e.Sequence);
        return ValueTask.CompletedTask;
    }
}
