using Marten.Events.Projections;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Projections.Scorecards;

/// <summary>
/// Async projection: one <see cref="ConcernBoard"/> per city (roll-up by tenant). Supports come from the
/// residents' own support streams; in the daemon a burst of supports costs one board write per batch.
/// <para>
/// A rebuild makes every board in one statement (<see cref="ISqlRebuild"/>, docs/projections.md) from the events the
/// daemon has already applied (the progression of this projection's shard), so the daemon goes on from there, on the
/// rebuilt boards, wherever it runs.
/// </para>
/// </summary>
public partial class ConcernBoardProjection : MultiStreamProjection<ConcernBoard, string>, ISqlRebuild
{
    public const string View = "concern-board";

    private static readonly Type[] StatusChanges = [typeof(ConcernAcknowledged), typeof(ConcernAnswered), typeof(ConcernReopened)];
    private static readonly Type[] Removals = [typeof(ConcernResolved), typeof(ConcernDeclined), typeof(ConcernWithdrawn)];

    /// <summary>The events the board takes.</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(ConcernRaised), typeof(ConcernSupported), typeof(ConcernSupportWithdrawn), typeof(ConcernHidden), typeof(ConcernRedacted),
        typeof(ConcernRestored), .. StatusChanges, .. Removals,
    ];

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
        snapshot.Apply(e.Data, e.Sequence, e.Timestamp);
        return snapshot;
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ConcernBoard> slice)
    {
        if (slice.Snapshot is { } board) slice.PublishMessage(new AsyncViewChanged(View, board.Id, Guid.Empty, board.Version));
        return ValueTask.CompletedTask;
    }

    public string Table => $"{_schema}.mt_doc_concernboard";

    /// <summary>
    /// Every city's board from the events the daemon has applied (up to the progression of this projection's shard;
    /// none when it never ran), as <see cref="ConcernBoard.Apply"/> folds them: a concern is on the board from its last
    /// raising unless resolved, declined or withdrawn after it; its supports are the supports less withdrawals since,
    /// never below zero on the way; its status the last acknowledgement, answer or reopening since; hidden as its last
    /// hiding or restoring left it; title and district gone once redacted. The version is the newest event of the city
    /// the board takes (as the daemon stores it), the time that of the newest event that changed the board, written as
    /// System.Text.Json writes a UTC time (microseconds without trailing zeros, offset +00:00): the JSON is the daemon's.
    /// <para>
    /// The events are sorted once, by (city, concern, sequence): one pass of windows gives each event the running
    /// supports and the last raising and removal so far (whether the concern was open when it came), and the aggregates
    /// per concern and per city read that order as it comes. The last status change and hiding are found as the
    /// greatest of sequence and kind packed in one number.
    /// </para>
    /// </summary>
    public string RebuildSql(Func<Type, string> eventTypeName)
    {
        string Of(params Type[] types) => ISqlRebuild.List(eventTypeName, types);
        var (raised, removed) = ($"type = {Of(typeof(ConcernRaised))}", $"type in ({Of(Removals)})");
        return $$"""
            insert into {{Table}} (id, data, mt_dotnet_type, mt_version)
            with concerns as (
              select city, concern, max(seq) as last_seq, max(last_raise) as last_raise, max(seq) filter (where {{removed}}) as last_removal,
                max(seq) filter (where {{raised}} or {{removed}} or (raised_before is not null and (removed_before is null or removed_before < raised_before))) as changed,
                (array_agg(raise) filter (where seq = last_raise))[1] as raise,
                max(seq * 4 + case type when {{Of(typeof(ConcernAnswered))}} then 2 else 1 end) filter (where type in ({{Of(StatusChanges)}})) as status,
                max(seq * 2 + case type when {{Of(typeof(ConcernHidden))}} then 1 else 0 end) filter (where type in ({{Of(typeof(ConcernHidden), typeof(ConcernRestored))}})) as hiding,
                max(seq) filter (where type = {{Of(typeof(ConcernRedacted))}}) as redacted,
                sum(delta) - min(supports) filter (where seq >= last_raise) as supports
              from (
                select *,
                  max(seq) filter (where {{raised}}) over running as raised_before,
                  max(seq) filter (where {{removed}}) over running as removed_before,
                  sum(delta) over running as supports,
                  max(seq) filter (where {{raised}}) over whole as last_raise
                from (
                  select tenant_id collate "C" as city, (data ->> 'concernId')::uuid as concern, seq_id as seq, type,
                    case type when {{Of(typeof(ConcernSupported))}} then 1 when {{Of(typeof(ConcernSupportWithdrawn))}} then -1 else 0 end as delta,
                    case when {{raised}} then data end as raise
                  from {{_schema}}.mt_events
                  where type in ({{Of(EventTypes)}}) and not is_archived
                    and seq_id <= coalesce((select last_seq_id from {{_schema}}.mt_event_progression where name = '{{Name}}:All'), 0)
                  offset 0) events
                window running as (partition by city, concern order by seq), whole as (partition by city, concern)) marked
              group by city, concern
            )
            select city,
              jsonb_build_object('id', city, 'version', version, 'open', open, 'updatedAt',
                (select rtrim(rtrim(to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || '+00:00'
                 from {{_schema}}.mt_events where seq_id = changed)),
              '{{typeof(ConcernBoard).FullName}}', version
            from (
              select city, max(last_seq) as version, max(changed) as changed,
                coalesce(jsonb_object_agg(concern, jsonb_build_object(
                  'id', concern,
                  'title', case when redacted > last_raise then to_jsonb('{{ConcernView.RedactedTitle.Replace("'", "''")}}'::text) else raise -> 'title' end,
                  'rights', raise -> 'rights',
                  'district', case when redacted > last_raise then null else raise -> 'district' end,
                  'raisedAt', raise -> 'raisedAt',
                  'status', case when status is null or status / 4 < last_raise then 'Open' when status % 4 = 2 then 'Answered' else 'Acknowledged' end,
                  'supports', supports,
                  'hidden', coalesce(hiding / 2 > last_raise and hiding % 2 = 1, false)))
                  filter (where last_raise is not null and (last_removal is null or last_removal < last_raise)), '{}') as open
              from concerns group by city) boards
            """;
    }
}
