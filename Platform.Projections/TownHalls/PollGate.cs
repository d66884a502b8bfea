using Weasel.Postgresql.Functions;

namespace Platform.Projections.TownHalls;

/// <summary>
/// Keeps votes and a poll's close from crossing. A vote's transaction takes the poll's advisory lock
/// <b>shared</b> and then checks the committed state of the town hall (a plpgsql function, so the check
/// runs with a snapshot taken after the lock was granted); closing a poll takes the same lock
/// <b>exclusive</b> before its event gets a sequence. Votes never wait on each other (shared locks don't
/// conflict); they wait only for the instant a close is committing, and then see it and refuse.
/// Either a vote commits before the close starts (its sequence is lower), or it sees the poll closed.
/// </summary>
public static class PollGate
{
    public const string FunctionName = "town_hall_vote_guard";

    /// <summary>The SQLSTATE the guard raises when the poll is no longer open (class "PG" is ours, not PostgreSQL's).</summary>
    public const string PollClosedState = "PG409";

    /// <summary>The first key of the two-key advisory lock space: a constant for "town-hall poll", apart from Marten's and Wolverine's single-key locks.</summary>
    public const int LockClass = 0x54480001;

    /// <summary>Whether a vote's write failed because the guard found the poll no longer open.</summary>
    public static bool Refused(Exception exception) => SqlStates.Raised(exception, PollClosedState);

    /// <summary>Queued in the vote's Marten batch: parameters tenant, town hall id, poll id.</summary>
    public static string GuardSql(string schema) => $"select {schema}.{FunctionName}(?, ?, ?)";

    /// <summary>Run by the close, in its transaction, before the events are saved: parameter poll id.</summary>
    public static readonly string CloseLockSql = $"select pg_advisory_xact_lock({LockClass}, hashtext(@poll::text))";

    public static Function GuardFunction(string schema) => Weasel.Postgresql.Functions.Function.ForSql($"""
        create or replace function {schema}.{FunctionName}(tenant varchar, town_hall uuid, poll uuid) returns void
        language plpgsql volatile as $$
        begin
          perform pg_advisory_xact_lock_shared({LockClass}, hashtext(poll::text));
          -- A new statement, so a new snapshot: it sees a close committed while this vote waited for the lock.
          if not exists (
              select 1 from {schema}.mt_doc_townhall
              where tenant_id = tenant and id = town_hall
                and data ->> 'status' = 'Open' and data -> 'currentPoll' ->> 'id' = poll::text) then
            raise exception 'poll-closed' using errcode = '{PollClosedState}';
          end if;
        end;
        $$;
        """);
}
