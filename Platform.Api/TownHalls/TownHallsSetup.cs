using JasperFx.Events.Projections;
using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>Everything the TownHalls feature registers: projections, the vote tally table, reader, live view.</summary>
public static class TownHallsSetup
{
    public static IServiceCollection AddTownHalls(this IServiceCollection services)
    {
        services.AddSingleton<TownHallReader>();
        services.AddSingleton<TownHallHandler>();
        services.AddCityView<TownHallReader>(TownHallLiveRoute.View, reader => reader.LiveAsync);
        services.AddSingleton<ILiveViewRoute, TownHallLiveRoute>();
        return services;
    }

    public static void AddTownHalls(this StoreOptions opts, string schema)
    {
        opts.Projections.Add<TownHallViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<TownHallStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ResidentVoteProjection>(ProjectionLifecycle.Live);
        opts.Projections.Add(new VoteTallyProjection(schema), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(VoteTally.Table(schema));
        opts.Schema.For<TownHallView>().Index(x => x.StartsAt);
    }
}
