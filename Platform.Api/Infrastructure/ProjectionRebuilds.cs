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
