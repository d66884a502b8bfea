using Marten.Services;

namespace Platform.Api.Infrastructure;

/// <summary>
/// What the event store writes to the log. A refusal the platform expects (a repeat support or vote losing the race
/// on its stream, a gate refusing a write, a version conflict answered 409) is no failure: it is logged at debug
/// level and only by its PostgreSQL error code. Real failures are errors, with the statement's text but never its
/// parameters: those carry events' JSON, residents' ids and their free text, and logs carry no personal data.
/// </summary>
public sealed class StoreLog(ILogger<StoreLog> logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Database schema changed:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command) { }

    public void LogSuccess(NpgsqlBatch batch) { }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) =>
        Failure(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Failure(ex, message);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit) { }

    public void OnBeforeExecute(NpgsqlCommand command) { }

    public void OnBeforeExecute(NpgsqlBatch batch) { }

    private void Failure(Exception ex, string statements)
    {
        if (IsExpected(ex)) logger.LogDebug("An expected refusal by the store ({Code})", Code(ex));
        // The exception's own message and stack, the statements (or Marten's message) without their values.
        else logger.LogError(ex, "The store failed executing\n{Sql}", statements);
    }

    /// <summary>
    /// Refusals the write paths decide on: a stream that exists already or moved on (one resident, one voice; optimistic
    /// concurrency), the participation gate's refusal (its own SQLSTATE), a deadlock victim (written again).
    /// </summary>
    public static bool IsExpected(Exception exception) =>
        WriteConflicts.IsStreamConflict(exception) || WriteConflicts.IsDeadlock(exception)
        || Platform.Projections.Participation.ParticipationGate.Refused(exception);

    private static string Code(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException postgres) return postgres.SqlState;
        return exception.GetType().Name;
    }
}
