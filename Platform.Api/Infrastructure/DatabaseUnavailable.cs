using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;

namespace Platform.Api.Infrastructure;

/// <summary>
/// While PostgreSQL cannot be reached (down, restarting, shutting down, or no connection free in time) a request is
/// answered 503 with <c>Retry-After</c> and a problem body <c>database-unavailable</c>, never a 500: the client may
/// try again, and nothing was half written (every write is one transaction). Logged as a warning, once per request,
/// without the statement's values.
/// </summary>
public sealed class DatabaseUnavailable(IProblemDetailsService problems, ILogger<DatabaseUnavailable> logger) : IExceptionHandler
{
    /// <summary>How long a client is asked to wait: about what a PostgreSQL restart takes.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellation)
    {
        if (!Is(exception)) return false;
        logger.LogWarning("{Method} {Path} answered 503: the database is unavailable ({Reason})",
            context.Request.Method, context.Request.Path, Reason(exception));
        if (!Web.WebSetup.IsApi(context.Request.Path)) return false; // pages: their exception handler shows the status page, 503
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The platform's database is unavailable for a moment; try again shortly.",
                Type = "https://human-rights-cities.org/problems/database-unavailable",
                Extensions = { ["code"] = "database-unavailable", ["retryAfter"] = RetryAfterSeconds },
            },
        });
    }

    /// <summary>
    /// Whether the exception (or one it wraps) says the database could not be reached or went away: a connection that
    /// failed or broke, a server shutting down or starting (SQLSTATE class 08, 57P01-57P03), a pool that found no
    /// connection in time. A refused statement (a key, a check) is not one.
    /// </summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    if (p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState is "57P01" or "57P02" or "57P03") return true;
                    return false; // the server answered: the statement itself was refused
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(Is):
                    return true;
            }
        }
        return false;
    }

    private static string Reason(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is PostgresException p) return p.SqlState;
            else if (e is SocketException s) return s.SocketErrorCode.ToString();
        return exception.GetType().Name;
    }
}
