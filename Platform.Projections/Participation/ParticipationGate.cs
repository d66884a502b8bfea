using Weasel.Postgresql.Functions;

namespace Platform.Projections.Participation;

/// <summary>
/// The one gate of every participation (a support, a vote, an answer): a statement run in the participation's own
/// transaction that fails it unless the item's committed write-side snapshot says it is open to participation (a group
/// commit asks the same question of its whole batch without failing, <see cref="OpenSql"/>, and leaves out the
/// participations of closed items). The
/// gate only READS the condition the domain wrote: each item state (<c>Concern</c>, <c>Proposal</c>, <c>TownHall</c>,
/// <c>Consultation</c>, <c>IndicatorProposal</c>) keeps <c>OpenToParticipation</c> (the id residents may take part in now: the item itself, or a
/// town hall's open poll; null when closed), stored with its inline snapshot. No rule is stated here.
/// <para>
/// Where a close must not cross the participations still committing (a poll: <see cref="LockedTables"/>), the gate
/// first takes the participation's advisory lock <b>shared</b>; a write that closes such an item and
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


    /// <summary>Run by a close, in its transaction, before its events are saved: parameter <c>@poll</c>, the id participations were open to.</summary>
    public static readonly string CloseLockSql = $"select pg_advisory_xact_lock({LockClass}, hashtext(@poll::text))";

    /// <summary>The table of a write-side snapshot (Marten's name for the document type).</summary>
    public static string Table<TItem>() => "mt_doc_" + typeof(TItem).Name.ToLowerInvariant();

    /// <summary>The snapshot tables of the items residents take part in: the gate reads these only.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [Table<Domain.Concerns.Concern>(), Table<Domain.Proposals.Proposal>(), Table<Domain.TownHalls.TownHall>(), Table<Domain.Consultations.Consultation>(),
         Table<Domain.IndicatorProposals.IndicatorProposal>()];

    /// <summary>
    /// The gate's functions. <c>participation_open</c> answers whether the item is open to the participation (taking the
    /// shared lock first where <see cref="LockedTables"/> says so; the lock is held until the transaction ends): one
    /// static query per snapshot table (so PostgreSQL plans each once, where a query built per call would be planned at
    /// every call), chosen by <c>p_table</c>; an unknown table is closed. <c>participation_gate</c> raises
    /// <see cref="ClosedState"/> when it is not, failing the transaction; a group commit asks <c>participation_open</c>
    /// for its whole batch first (<see cref="OpenSql"/>), so that a closed item refuses its own writes only.
    /// </summary>
    public static Function Function(string schema) => Weasel.Postgresql.Functions.Function.ForSql($$"""
        create or replace function {{schema}}.{{FunctionName}}(p_tenant varchar, p_table varchar, p_item uuid, p_open_to uuid) returns void
        language plpgsql volatile as $gate$
        begin
          if not {{schema}}.{{OpenFunctionName}}(p_tenant, p_table, p_item, p_open_to) then
            raise exception 'not open to participation' using errcode = '{{ClosedState}}';
          end if;
        end
        $gate$;
        """);

    /// <summary>The function that answers whether an item is open to a participation (see <see cref="Function"/>).</summary>
    public static Function OpenFunction(string schema) => Weasel.Postgresql.Functions.Function.ForSql($$"""
        create or replace function {{schema}}.{{OpenFunctionName}}(p_tenant varchar, p_table varchar, p_item uuid, p_open_to uuid) returns boolean
        language plpgsql volatile as $open$
        declare
          open boolean := false;
        begin
          -- Each query is a new statement, so a new snapshot: it sees a close committed while this participation waited for the lock.
        {{Reads(schema)}}
          end if;
          return open;
        end
        $open$;
        """);

    public const string OpenFunctionName = "participation_open";

    /// <summary>
    /// Of the gate checks given as three arrays (tables, items, ids open to; parameters 2 to 4, the tenant first), the
    /// ones whose item is not open: their table, item and id. Each check takes its lock as the gate does, in the
    /// caller's transaction.
    /// </summary>
    public static string OpenSql(string schema) =>
        $"select g.tbl, g.item, g.open_to from unnest($2::varchar[], $3::uuid[], $4::uuid[]) as g(tbl, item, open_to) " +
        $"where not {schema}.{OpenFunctionName}($1, g.tbl, g.item, g.open_to)";

    /// <summary>
    /// The items whose close takes the participation lock exclusively (<see cref="CloseLockSql"/>): a town hall's poll. Their
    /// participations take it shared before they read; others (supports, answers) read at once, as no close waits for them.
    /// </summary>
    public static readonly IReadOnlyList<string> LockedTables = [Table<Domain.TownHalls.TownHall>()];

    private static string Reads(string schema) => string.Join("\n", Tables.Select((table, i) =>
        $"  {(i == 0 ? "if" : "elsif")} p_table = '{table}' then\n" +
        (LockedTables.Contains(table) ? $"    perform pg_advisory_xact_lock_shared({LockClass}, hashtext(p_open_to::text));\n" : "") +
        $"    select exists (select 1 from {schema}.{table} where tenant_id = p_tenant and id = p_item and data ->> 'openToParticipation' = p_open_to::text) into open;"));
}
