using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Projections.Scorecards;

/// <summary>
/// Async projection: the version and time of each city's <see cref="ConcernBoard"/> (roll-up by tenant), one small
/// document per city, taking every event that changes the board (its concerns' own and their supports, which come from
/// the residents' own support streams); each batch of the daemon that changes a board pushes it live. The concerns and
/// their counts are not in the document (<see cref="ConcernBoardRows"/>, the support tally).
/// <para>
/// A rebuild writes every city's document in one statement (<see cref="ISqlRebuild"/>, docs/projections.md) from the
/// events the daemon has already applied (the progression of this projection's shard), so the daemon goes on from
/// there, wherever it runs.
/// </para>
/// </summary>
public partial class ConcernBoardProjection : MultiStreamProjection<ConcernBoard, string>, ISqlRebuild
{
    public const string View = "concern-board";

    /// <summary>The events the board takes.</summary>
    public static readonly Type[] EventTypes = [.. ConcernBoardRowsProjection.EventTypes, typeof(ConcernSupported), typeof(ConcernSupportWithdrawn)];

    private readonly string _schema;

    public ConcernBoardProjection(string schema)
    {
        _schema = schema;
        RollUpByTenant();
        foreach (var type in EventTypes) IncludeType(type);
    }

    public override ConcernBoard Evolve(ConcernBoard? snapshot, string id, IEvent e)
    {
        snapshot ??= new ConcernBoard { Id = id };
        snapshot.Version = Math.Max(snapshot.Version, e.Sequence);
        snapshot.UpdatedAt = e.Timestamp;
        return snapshot;
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ConcernBoard> slice)
    {
        if (slice.Snapshot is { } board) slice.PublishMessage(new AsyncViewChanged(View, board.Id, Guid.Empty, board.Version));
        return ValueTask.CompletedTask;
    }

    public string Table => $"{_schema}.mt_doc_concernboard";

    /// <summary>The name of this projection's one shard, as the daemon keeps its progression (its version included from 2 on).</summary>
    public string Shard => new ShardName(Name, ShardName.All, Version).Identity;

    /// <summary>
    /// Every city's document from the events the daemon has applied (up to the progression of this projection's shard;
    /// none when it never ran): the newest of them and its time, written as System.Text.Json writes a UTC time
    /// (microseconds without trailing zeros, offset +00:00), so the JSON is the daemon's.
    /// </summary>
    public string RebuildSql(Func<Type, string> eventTypeName) => $$"""
        insert into {{Table}} (id, data, mt_dotnet_type, mt_version)
        select newest.tenant_id, jsonb_build_object('id', newest.tenant_id, 'version', e.seq_id,
            'updatedAt', rtrim(rtrim(to_char(e.timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || '+00:00'),
          '{{typeof(ConcernBoard).FullName}}', e.seq_id
        from (select tenant_id, max(seq_id) as seq_id from {{_schema}}.mt_events
              where type in ({{ISqlRebuild.List(eventTypeName, EventTypes)}}) and not is_archived
                and seq_id <= coalesce((select last_seq_id from {{_schema}}.mt_event_progression where name = '{{Shard}}'), 0)
              group by tenant_id) newest
        join {{_schema}}.mt_events e on e.seq_id = newest.seq_id
        """;
}
