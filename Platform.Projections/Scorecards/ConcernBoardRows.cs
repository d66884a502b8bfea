using Marten.Events.Projections;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Projections.Scorecards;

/// <summary>
/// The open concerns of every city's board, a row each (title, rights, district, when raised, status, hidden), without
/// their supports: the board reads those from the support tally. Written only by <see cref="ConcernBoardRowsProjection"/>,
/// in the transaction of the concern's own events (raised, acknowledged, answered, reopened, hidden, restored, redacted,
/// resolved, declined, withdrawn), which are few; a support writes nothing here.
/// </summary>
public static class ConcernBoardRows
{
    public const string TableName = "concern_board";

    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("concern_id").AsPrimaryKey();
        table.AddColumn<string>("title").NotNull();
        table.AddColumn("rights", "text[]").NotNull();
        table.AddColumn<string>("district");
        table.AddColumn<DateTimeOffset>("raised_at").NotNull();
        table.AddColumn<string>("status").NotNull();
        table.AddColumn<bool>("hidden").NotNull().DefaultValueByExpression("false");
        return table;
    }
}

/// <summary>
/// Inline projection that keeps <see cref="ConcernBoardRows"/>: a concern is on the board from its raising until it is
/// resolved, declined or withdrawn; acknowledging or reopening it makes it acknowledged, answering it answered; hiding
/// and restoring set <c>hidden</c>; a redaction removes its title and district. Events of a concern not on the board
/// change nothing (an update finds no row). A rebuild makes the table in one statement (<see cref="ISqlRebuild"/>).
/// </summary>
public sealed class ConcernBoardRowsProjection(string schema) : IProjection, ISqlRebuild
{
    private static readonly Type[] StatusChanges = [typeof(ConcernAcknowledged), typeof(ConcernAnswered), typeof(ConcernReopened)];
    private static readonly Type[] Removals = [typeof(ConcernResolved), typeof(ConcernDeclined), typeof(ConcernWithdrawn)];

    /// <summary>The events it takes.</summary>
    public static readonly Type[] EventTypes =
        [typeof(ConcernRaised), .. StatusChanges, typeof(ConcernHidden), typeof(ConcernRestored), typeof(ConcernRedacted), .. Removals];

    public string Table => $"{schema}.{ConcernBoardRows.TableName}";

    private readonly string _raise = $"insert into {schema}.{ConcernBoardRows.TableName} (tenant_id, concern_id, title, rights, district, raised_at, status, hidden) " +
        "values (?, ?, ?, ?, ?, ?, 'Open', false) on conflict (tenant_id, concern_id) do update set title = excluded.title, rights = excluded.rights, " +
        "district = excluded.district, raised_at = excluded.raised_at, status = 'Open', hidden = false";
    private readonly string _setStatus = $"update {schema}.{ConcernBoardRows.TableName} set status = ? where tenant_id = ? and concern_id = ?";
    private readonly string _setHidden = $"update {schema}.{ConcernBoardRows.TableName} set hidden = ? where tenant_id = ? and concern_id = ?";
    private readonly string _redact = $"update {schema}.{ConcernBoardRows.TableName} set title = ?, district = null where tenant_id = ? and concern_id = ?";
    private readonly string _remove = $"delete from {schema}.{ConcernBoardRows.TableName} where tenant_id = ? and concern_id = ?";

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case ConcernRaised r:
                    operations.QueueSqlCommand(_raise, e.TenantId, r.ConcernId, r.Title, r.Rights, (object?)r.District ?? DBNull.Value, r.RaisedAt.ForTimestamptz());
                    break;
                case ConcernAcknowledged a:
                    operations.QueueSqlCommand(_setStatus, nameof(ConcernStatus.Acknowledged), e.TenantId, a.ConcernId);
                    break;
                case ConcernReopened r:
                    operations.QueueSqlCommand(_setStatus, nameof(ConcernStatus.Acknowledged), e.TenantId, r.ConcernId);
                    break;
                case ConcernAnswered a:
                    operations.QueueSqlCommand(_setStatus, nameof(ConcernStatus.Answered), e.TenantId, a.ConcernId);
                    break;
                case ConcernHidden h:
                    operations.QueueSqlCommand(_setHidden, true, e.TenantId, h.ConcernId);
                    break;
                case ConcernRestored r:
                    operations.QueueSqlCommand(_setHidden, false, e.TenantId, r.ConcernId);
                    break;
                case ConcernRedacted d:
                    operations.QueueSqlCommand(_redact, ConcernView.RedactedTitle, e.TenantId, d.ConcernId);
                    break;
                case ConcernResolved r:
                    operations.QueueSqlCommand(_remove, e.TenantId, r.ConcernId);
                    break;
                case ConcernDeclined d:
                    operations.QueueSqlCommand(_remove, e.TenantId, d.ConcernId);
                    break;
                case ConcernWithdrawn w:
                    operations.QueueSqlCommand(_remove, e.TenantId, w.ConcernId);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A row per concern whose last raising came after its last removal, from that raising's event, with the last
    /// status change, hiding or restoring and redaction after it (the last of each found as the greatest sequence, the
    /// kind packed beside it in the same number).
    /// </summary>
    public string RebuildSql(Func<Type, string> eventTypeName)
    {
        string Of(params Type[] types) => ISqlRebuild.List(eventTypeName, types);
        return $$"""
            insert into {{Table}} (tenant_id, concern_id, title, rights, district, raised_at, status, hidden)
            select c.tenant_id, c.concern,
              case when c.redacted > c.raised then '{{ConcernView.RedactedTitle.Replace("'", "''")}}' else r.data ->> 'title' end,
              array(select jsonb_array_elements_text(coalesce(r.data -> 'rights', '[]'::jsonb))),
              case when c.redacted > c.raised then null else r.data ->> 'district' end,
              (r.data ->> 'raisedAt')::timestamptz,
              case when c.status is null or c.status / 4 < c.raised then 'Open' when c.status % 4 = 2 then 'Answered' else 'Acknowledged' end,
              coalesce(c.hiding / 2 > c.raised and c.hiding % 2 = 1, false)
            from (
              select tenant_id, (data ->> 'concernId')::uuid as concern,
                max(seq_id) filter (where type = {{Of(typeof(ConcernRaised))}}) as raised,
                max(seq_id) filter (where type in ({{Of(Removals)}})) as removed,
                max(seq_id * 4 + case type when {{Of(typeof(ConcernAnswered))}} then 2 else 1 end) filter (where type in ({{Of(StatusChanges)}})) as status,
                max(seq_id * 2 + case type when {{Of(typeof(ConcernHidden))}} then 1 else 0 end) filter (where type in ({{Of(typeof(ConcernHidden), typeof(ConcernRestored))}})) as hiding,
                max(seq_id) filter (where type = {{Of(typeof(ConcernRedacted))}}) as redacted
              from {{schema}}.mt_events
              where type in ({{Of(EventTypes)}}) and not is_archived
              group by 1, 2) c
            join {{schema}}.mt_events r on r.seq_id = c.raised
            where c.raised is not null and (c.removed is null or c.removed < c.raised)
            """;
    }
}
