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
    /// the board takes (as the daemon stores it), the time that of the newest event that changed the board. A concern's
    /// events are ordered once, by one window over (city, concern, sequence). The time is written as System.Text.Json
    /// writes a UTC time (microseconds without trailing zeros, offset +00:00), so the JSON is the daemon's to the byte.
    /// </summary>
    public string RebuildSql(Func<Type, string> eventTypeName)
    {
        string Of(params Type[] types) => ISqlRebuild.List(eventTypeName, types);
        var (raised, removed) = ($"type = {Of(typeof(ConcernRaised))}", $"type in ({Of(Removals)})");
        return $$"""
            insert into {{Table}} (id, data, mt_dotnet_type, mt_version)
            with marked as (
              select tenant_id as city, data ->> 'concernId' as concern, seq_id as seq, type, timestamp as at, data,
                max(seq_id) filter (where {{raised}}) over running as raised_before,
                max(seq_id) filter (where {{removed}}) over running as removed_before,
                sum(case type when {{Of(typeof(ConcernSupported))}} then 1 when {{Of(typeof(ConcernSupportWithdrawn))}} then -1 else 0 end) over running as supports,
                max(seq_id) filter (where {{raised}}) over whole as last_raise,
                max(seq_id) filter (where {{removed}}) over whole as last_removal
              from {{_schema}}.mt_events
              where type in ({{Of(EventTypes)}}) and not is_archived
                and seq_id <= coalesce((select last_seq_id from {{_schema}}.mt_event_progression where name = '{{Name}}:All'), 0)
              window running as (partition by tenant_id, data ->> 'concernId' order by seq_id), whole as (partition by tenant_id, data ->> 'concernId')
            ),
            open_concerns as (
              select city, concern,
                (array_agg(data) filter (where seq = last_raise))[1] as raise,
                (array_agg(type order by seq desc) filter (where seq > last_raise and type in ({{Of(StatusChanges)}})))[1] as status,
                (array_agg(type order by seq desc) filter (where seq > last_raise and type in ({{Of(typeof(ConcernHidden), typeof(ConcernRestored))}})))[1] as hiding,
                coalesce(bool_or(type = {{Of(typeof(ConcernRedacted))}}) filter (where seq > last_raise), false) as redacted,
                (array_agg(supports order by seq desc))[1] - min(supports) filter (where seq >= last_raise) as supports
              from marked
              where last_raise is not null and (last_removal is null or last_removal < last_raise)
              group by city, concern
            ),
            boards as (
              select city, max(seq) as version,
                (array_agg(at order by seq desc) filter (where {{raised}} or {{removed}}
                  or (raised_before is not null and (removed_before is null or removed_before < raised_before))))[1] as at
              from marked group by city
            )
            select b.city,
              jsonb_build_object('id', b.city, 'version', b.version,
                'updatedAt', rtrim(rtrim(to_char(b.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), '0'), '.') || '+00:00',
                'open', coalesce(o.concerns, '{}'::jsonb)),
              '{{typeof(ConcernBoard).FullName}}', b.version
            from boards b left join (
              select city, jsonb_object_agg(concern, jsonb_build_object(
                'id', concern,
                'title', case when redacted then to_jsonb('{{ConcernView.RedactedTitle.Replace("'", "''")}}'::text) else raise -> 'title' end,
                'rights', raise -> 'rights',
                'district', case when redacted then null else raise -> 'district' end,
                'raisedAt', raise -> 'raisedAt',
                'status', case when status is null then 'Open' when status = {{Of(typeof(ConcernAnswered))}} then 'Answered' else 'Acknowledged' end,
                'supports', supports,
                'hidden', coalesce(hiding = {{Of(typeof(ConcernHidden))}}, false))) as concerns
              from open_concerns group by city) o using (city)
            """;
    }
}
