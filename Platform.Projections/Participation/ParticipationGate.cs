using Weasel.Postgresql.Functions;

namespace Platform.Projections.Participation;

/// <summary>
/// The one gate of every participation (a support, a vote, an answer): a statement queued in the participation's own
/// transaction that fails it unless the item's committed write-side snapshot says it is open to participation. The
/// gate only READS the condition the domain wrote: each item state (<c>Concern</c>, <c>Proposal</c>, <c>TownHall</c>,
/// <c>Consultation</c>) keeps <c>OpenToParticipation</c> (the id residents may take part in now: the item itself, or a
/// town hall's open poll; null when closed), stored with its inline snapshot. No rule is stated here.
/// <para>
/// Before it reads, the gate takes the participation's advisory lock <b>shared</b>; a write that closes an item and
/// must not cross the participations still committing takes it <b>exclusive</b> (<see cref="CloseLockSql"/>; today a
/// poll's close). Participations never wait on each other; they wait only for the instant a close is committing, and
/// the read (a new statement, so a new snapshot) then sees the close and refuses.
/// </para>
/// </summary>
public static class ParticipationGate
{
    public const string FunctionName = "participation_gate";

    /// <summary>The SQLSTATE the gate raises when the item is not open to participation (class "PG" is ours, not PostgreSQL's).</summary>
    public const string ClosedState = "PG409";

    /// <summary>The first key of the two-key advisory lock space: a constant for "participation", apart from Marten's and Wolverine's single-key locks.</summary>
    public const int LockClass = 0x54480001;

    /// <summary>Whether a participation's write failed because the gate found its item no longer open.</summary>
    public static bool Refused(Exception exception) => SqlStates.Raised(exception, ClosedState);

    /// <summary>Queued in the participation's Marten batch: parameters tenant, snapshot table, item id, the id it is open to.</summary>
    public static string Sql(string schema) => $"select {schema}.{FunctionName}(?, ?, ?, ?)";

    /// <summary>Run by a close, in its transaction, before its events are saved: parameter <c>@poll</c>, the id participations were open to.</summary>
    public static readonly string CloseLockSql = $"select pg_advisory_xact_lock({LockClass}, hashtext(@poll::text))";

    /// <summary>The table of a write-side snapshot (Marten's name for the document type).</summary>
    public static string Table<TItem>() => "mt_doc_" + typeof(TItem).Name.ToLowerInvariant();

    public static Function Function(string schema) => Weasel.Postgresql.Functions.Function.ForSql($$"""
        create or replace function {{schema}}.{{FunctionName}}(p_tenant varchar, p_table varchar, p_item uuid, p_open_to uuid) returns void
        language plpgsql volatile as $gate$
        declare
          open boolean;
        begin
          perform pg_advisory_xact_lock_shared({{LockClass}}, hashtext(p_open_to::text));
          -- A new statement, so a new snapshot: it sees a close committed while this participation waited for the lock.
          execute format('select exists (select 1 from %I.%I where tenant_id = $1 and id = $2 and data ->> ''openToParticipation'' = $3)',
                         '{{schema}}', p_table)
            into open using p_tenant, p_item, p_open_to::text;
          if not open then
            raise exception 'not open to participation' using errcode = '{{ClosedState}}';
          end if;
        end
        $gate$;
        """);
}
