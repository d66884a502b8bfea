using Weasel.Postgresql.Functions;

namespace Platform.Projections.Concerns;

/// <summary>
/// Lets a first support be written without reading the concern first: a statement queued in the support's
/// own transaction asks the committed concern state (the inline <c>Concern</c> snapshot) whether it accepts
/// supports — the rule itself stays in the domain (<c>Concern.AcceptsSupport</c>, stored with the snapshot) —
/// and fails the transaction when not. One round trip fewer on the hottest write of the platform; a refused
/// support then takes the ordinary path, which reads the concern and says why.
/// </summary>
public static class SupportGate
{
    /// <summary>The SQLSTATE the gate raises (a code of our own, class "HR").</summary>
    public const string RefusedState = "HR409";

    private const string FunctionName = "assert_concern_supportable";

    public static Function Function(string schema) => Weasel.Postgresql.Functions.Function.ForSql($$"""
        create or replace function {{schema}}.{{FunctionName}}(p_tenant varchar, p_concern uuid) returns void
        language plpgsql as $gate$
        begin
          if not exists (select 1 from {{schema}}.mt_doc_concern
                         where tenant_id = p_tenant and id = p_concern and (data ->> 'acceptsSupport')::boolean) then
            raise exception 'concern % does not accept supports', p_concern using errcode = '{{RefusedState}}';
          end if;
        end
        $gate$;
        """);

    /// <summary>The statement to queue (Marten's <c>QueueSqlCommand</c>) with the tenant and the concern id.</summary>
    public static string Command(string schema) => $"select {schema}.{FunctionName}(?, ?)";

    public static bool Refused(Exception exception) => SqlStates.Raised(exception, RefusedState);
}
