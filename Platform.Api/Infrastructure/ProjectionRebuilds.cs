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
