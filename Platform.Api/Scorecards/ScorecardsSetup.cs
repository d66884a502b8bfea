using JasperFx.Events.Projections;
using Platform.Projections.Scorecards;

namespace Platform.Api.Scorecards;

/// <summary>Everything the accountability views register: async projections, the reader, live views.</summary>
public static class ScorecardsSetup
{
    public static IServiceCollection AddScorecards(this IServiceCollection services)
    {
        services.AddSingleton<ScorecardReader>();
        services.AddSingleton<ConcernBoardReader>();
        services.AddSingleton<ILiveViewSource, ScorecardLiveViewSource>();
        services.AddSingleton<ILiveViewSource, ConcernBoardLiveViewSource>();
        services.AddSingleton<ILiveViewSource, NetworkOverviewLiveViewSource>();
        return services;
    }

    public static void AddScorecards(this StoreOptions opts, string schema)
    {
        // City-wide aggregates run in the async daemon (ARCHITECTURE.md): no write waits on them.
        opts.Projections.Add<CityScorecardProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add(new ConcernBoardProjection(schema), ProjectionLifecycle.Async);
        // The board's concerns, a row each, written with their own events (a support writes nothing there).
        opts.Storage.ExtendedSchemaObjects.Add(ConcernBoardRows.Table(schema));
        opts.AddSqlProjection(new ConcernBoardRowsProjection(schema), ConcernBoardRowsProjection.EventTypes);
        opts.Projections.Add<NetworkOverviewProjection>(ProjectionLifecycle.Async);
        // Marten's roll-up by tenant stores one document per tenant under the default tenant, keyed by the
        // city slug: they are single-tenanted documents whose id is the city.
        opts.Schema.For<CityScorecard>().SingleTenanted();
        opts.Schema.For<ConcernBoard>().SingleTenanted();
        opts.Schema.For<NetworkOverview>().SingleTenanted();
    }
}
