using JasperFx.Events.Projections;
using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>Everything the Concerns feature registers: projections, tables, readers, the handler, live views.</summary>
public static class ConcernsSetup
{
    public static IServiceCollection AddConcerns(this IServiceCollection services)
    {
        services.AddSingleton<ConcernReader>();
        services.AddSingleton<ConcernHandler>();
        services.AddCityView<ConcernReader>(ConcernLiveRoute.View, reader => reader.LiveAsync);
        services.AddSingleton<ILiveViewRoute, ConcernLiveRoute>();
        return services;
    }

    public static void AddConcerns(this StoreOptions opts, string schema)
    {
        opts.Projections.Add<ConcernViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ConcernStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ResidentSupportProjection>(ProjectionLifecycle.Live);
        opts.Projections.Add(new SupportTallyProjection(schema), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(SupportTally.Table(schema));
        opts.Schema.For<ConcernView>().Index(x => x.RaisedAt);
    }
}
