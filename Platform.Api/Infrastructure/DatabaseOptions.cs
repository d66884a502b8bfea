using System.Data.Common;

namespace Platform.Api.Infrastructure;

/// <summary>
/// The node's connections to PostgreSQL (<c>Platform:Database</c>). A node opens one pool, which Marten, Wolverine and
/// the platform's own readers share; every node of a deployment opens its own, so the nodes together may hold
/// <see cref="ExpectedNodes"/> × <see cref="MaxPoolSize"/> connections, which PostgreSQL's <c>max_connections</c> must allow.
/// </summary>
public sealed class DatabaseOptions
{
    /// <summary>The pool size when neither this setting nor the connection string gives one.</summary>
    public const int DefaultMaxPoolSize = 50;

    /// <summary>The name the node's connections show in <c>pg_stat_activity</c> unless the connection string names one.</summary>
    public const string DefaultApplicationName = "platform-api";

    /// <summary>
    /// At most this many connections in the node's pool. Unset: the connection string's <c>Maximum Pool Size</c> when it
    /// gives one, else <see cref="DefaultMaxPoolSize"/>. Set, it overrides the connection string.
    /// </summary>
    public int? MaxPoolSize { get; set; }

    /// <summary>How many API nodes share the database: the start-up check of the connection budget counts a pool for each.</summary>
    public int ExpectedNodes { get; set; } = 1;

    /// <summary>The connection string of the node's one pool: its size, and the application name PostgreSQL shows.</summary>
    public string Pooled(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (MaxPoolSize is { } size) builder.MaxPoolSize = size;
        else if (!Names(connectionString, "maximumpoolsize", "maxpoolsize")) builder.MaxPoolSize = DefaultMaxPoolSize;
        if (string.IsNullOrEmpty(builder.ApplicationName)) builder.ApplicationName = DefaultApplicationName;
        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string sets one of the keys (compared as Npgsql does: case and spaces aside).</summary>
    private static bool Names(string connectionString, params string[] keys) =>
        new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => keys.Contains(key.Replace(" ", "").ToLowerInvariant()));
}
