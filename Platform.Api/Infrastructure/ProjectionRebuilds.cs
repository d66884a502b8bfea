using System.Collections.Concurrent;
using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;

namespace Platform.Api.Infrastructure;

/// <summary>
/// How the projection daemon replays the events when it builds a view from nothing: a rebuild, or a new version of a
/// projection catching up beside the old one (docs/projections.md). Measured by <c>deploy/bench/run rebuild</c>.
/// </summary>
public static class ProjectionRebuilds
{
    /// <summary>Events the daemon loads per page: one query and one write transaction per page and projection.</summary>
    public const int EventsPerPage = 5_000;

    /// <summary>
    /// In a rebuild, aggregations keep the views a page changed in memory and write each once when this many are
    /// waiting (or the rebuild ends), instead of once per page that touched them.
    /// </summary>
    public const int ViewsPerWrite = 10_000;

    /// <summary>What the one statement of a projection rebuilt in SQL may use to sort and group the events (PostgreSQL's <c>work_mem</c>, for that transaction).</summary>
    public const string StatementMemory = "256MB";

    /// <summary>Every projection that keeps a view (not the live aggregations, which keep nothing), by name.</summary>
    public static IReadOnlyList<string> Rebuildable(this IDocumentStore store) =>
        [.. ((DocumentStore)store).Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name).Distinct()];

    /// <summary>
    /// Rebuilds every projection that keeps a view, <paramref name="parallel"/> at a time, those that read the most events
    /// first (<see cref="RebuildOrder"/>): a projection the daemon replays takes time in proportion to its events, so the
    /// long ones do not start last and leave one lane working alone at the end (a statement's time is not told by its
    /// events: the search index's statement reads few and takes longest). Returns each one's time in seconds.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, double>> RebuildAllAsync(this IDocumentStore store, int parallel, CancellationToken cancellation)
    {
        var order = store.RebuildOrder(await store.EventsByTypeAsync(cancellation));
        using var daemon = await store.BuildProjectionDaemonAsync();
        var seconds = new ConcurrentDictionary<string, double>();
        await Parallel.ForEachAsync(order, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = cancellation },
            async (name, token) =>
            {
                var one = Stopwatch.StartNew();
                await store.RebuildAsync(daemon, name, token);
                seconds[name] = one.Elapsed.TotalSeconds;
            });
        return seconds;
    }

    /// <summary>
    /// The projections that keep a view (<see cref="Rebuildable"/>), those that read the most events first: each reads the
    /// events of the types it takes (every event when it names none), counted in <paramref name="eventsByType"/> (by the
    /// store's type name); ties keep the order of registration.
    /// </summary>
    public static IReadOnlyList<string> RebuildOrder(this IDocumentStore store, IReadOnlyDictionary<string, long> eventsByType)
    {
        var documents = (DocumentStore)store;
        var total = eventsByType.Values.Sum();
        // A projection that names no type, or an interface or abstract one, is handed every event (Marten then filters nothing).
        long Reads(EventFilterable? filter) => filter?.IncludedEventTypes is { Count: > 0 } types && types.All(t => !t.IsInterface && !t.IsAbstract)
            ? types.Sum(t => eventsByType.GetValueOrDefault(documents.Events.EventMappingFor(t).EventTypeName))
            : total;
        // Grouped by name in the order of registration, as Rebuildable lists them; a stable sort keeps that order in ties.
        return [.. documents.Options.Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live)
            .GroupBy(p => p.Name).Select(g => (Name: g.Key, Reads: g.Max(p => Reads(p as EventFilterable))))
            .OrderByDescending(p => p.Reads).Select(p => p.Name)];
    }

    /// <summary>
    /// How many events of each type the store holds, as PostgreSQL's statistics of the event table estimate them (its
    /// most common types and their share of its rows, free to read; kept by autovacuum's analyse; types too rare to be
    /// among them count as none), or counted when the table has no statistics yet (never analysed).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, long>> EventsByTypeAsync(this IDocumentStore store, CancellationToken cancellation)
    {
        var documents = (DocumentStore)store;
        var schema = documents.Options.Events.DatabaseSchemaName;
        await using var connection = documents.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        var counts = await CountsAsync(connection,
            "select v.type, (v.share * greatest(c.reltuples, 0))::bigint from pg_stats s " +
            "join pg_namespace n on n.nspname = s.schemaname join pg_class c on c.relnamespace = n.oid and c.relname = s.tablename " +
            "cross join lateral unnest(s.most_common_vals::text::text[], s.most_common_freqs) as v(type, share) " +
            "where s.schemaname = $1 and s.tablename = 'mt_events' and s.attname = 'type'", cancellation, schema);
        return counts.Count > 0 ? counts
            : await CountsAsync(connection, $"select type, count(*) from {schema}.mt_events where not is_archived group by type", cancellation);
    }

    private static async Task<Dictionary<string, long>> CountsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var counts = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    /// <summary>
    /// Rebuilds one projection from nothing: a projection written in SQL that can make its table again in one statement
    /// (<see cref="ISqlRebuild"/>) does so, in one transaction that holds off the writes of its table meanwhile (inline
    /// writes wait, then add to the rebuilt rows; the daemon's wait, then write on the rebuilt views); any other through the
    /// <paramref name="daemon"/>, event by event.
    /// </summary>
    public static async Task RebuildAsync(this IDocumentStore store, IProjectionDaemon daemon, string name, CancellationToken cancellation)
    {
        var documents = (DocumentStore)store;
        var sql = documents.Options.Projections.All.FirstOrDefault(p => p.Name == name) switch
        {
            ISqlRebuild statement => statement, // a projection of Marten's kinds that declares its own statement (the concern board)
            IProjectionWrapper { InnerProjection: ISqlRebuild statement } => statement, // a projection written in SQL (the tallies, the search index)
            _ => null,
        };
        if (sql is null)
        {
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), cancellation);
            return;
        }
        await store.RebuildInSqlAsync(sql, cancellation);
    }

    /// <summary>
    /// Makes the table of <paramref name="sql"/> again by its statement, in one transaction that first locks the table
    /// against writes (they wait for it, then apply to the rebuilt rows).
    /// </summary>
    public static async Task RebuildInSqlAsync(this IDocumentStore store, ISqlRebuild sql, CancellationToken cancellation)
    {
        var documents = (DocumentStore)store;
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"set local work_mem = '{StatementMemory}'"); // the statement sorts or groups the events in memory, not on disk
        session.QueueSqlCommand($"lock table {sql.Table} in share row exclusive mode");
        session.QueueSqlCommand($"delete from {sql.Table}");
        session.QueueSqlCommand(sql.RebuildSql(type => documents.Events.EventMappingFor(type).EventTypeName));
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>Applied after every feature registered its projections.</summary>
    public static void AddProjectionRebuilds(this StoreOptions opts)
    {
        foreach (var projection in opts.Projections.All.OfType<ProjectionBase>())
        {
            projection.Options.BatchSize = EventsPerPage;
            projection.Options.RebuildFlushThreshold = ViewsPerWrite;
        }
    }
}
