using JasperFx.Events.Projections;
using Platform.Domain.TownHalls;
using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>Everything the TownHalls feature registers: projections, the vote tally table, reader, live view.</summary>
public static class TownHallsSetup
{
    public static IServiceCollection AddTownHalls(this IServiceCollection services)
    {
        services.AddItemFeature<TownHallReader, TownHallHandler, TownHallLiveRoute>(TownHallLiveRoute.View, reader => reader.LiveAsync);
        return services;
    }

    public static void AddTownHalls(this StoreOptions opts, string schema)
    {
        opts.AddItemStreams<TownHall, TownHallView>(new TownHallViewProjection(), view => view.StartsAt);
        opts.Projections.Add(new StateProjection<ResidentVote>(), ProjectionLifecycle.Live);
        opts.AddSqlProjection(new VoteTallyProjection(schema), VoteTallyProjection.EventTypes);
        opts.Storage.ExtendedSchemaObjects.Add(VoteTally.Table(schema));
    }
}
