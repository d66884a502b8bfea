using JasperFx;
using Marten.Exceptions;

namespace Platform.Api.Infrastructure;

/// <summary>Recognises a write that lost a race on a stream (its id or its version), as opposed to a failure.</summary>
public static class WriteConflicts
{
    public static bool IsStreamConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is ConcurrencyException or ExistingStreamIdCollisionException) return true;
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }) return true;
        }
        return false;
    }

    /// <summary>PostgreSQL chose this transaction as a deadlock victim: nothing was written, it can be tried again.</summary>
    public static bool IsDeadlock(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected }) return true;
        return false;
    }
}
