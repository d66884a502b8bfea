using Npgsql;

namespace Platform.Projections;

/// <summary>Errors raised by the platform's own database functions, found by their SQLSTATE.</summary>
public static class SqlStates
{
    /// <summary>Whether PostgreSQL raised <paramref name="state"/> anywhere in the exception's chain.</summary>
    public static bool Raised(Exception exception, string state)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException postgres && postgres.SqlState == state) return true;
        return false;
    }
}
