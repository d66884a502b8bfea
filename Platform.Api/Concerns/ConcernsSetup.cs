using JasperFx.Events.Projections;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>Everything the Concerns feature registers: projections, tables, readers, the handler, live views.</summary>
public static class ConcernsSetup
{
    public static IServiceCollection AddConcerns(this IServiceCollection services)
    {
        services.AddItemFeature<ConcernReader, ConcernHandler, ConcernLiveRoute>(ConcernLiveRoute.View, reader => reader.LiveAsync);
        return services;
    }

    public static void AddConcerns(this StoreOptions opts, string schema)
    {
        opts.AddItemStreams<Concern, ConcernView>(new ConcernViewProjection(), view => view.RaisedAt);
        opts.Projections.Add(new StateProjection<ResidentSupport>(), ProjectionLifecycle.Live);
        opts.AddSqlProjection(new SupportTallyProjection(schema), SupportTallyProjection.EventTypes);
        opts.Storage.ExtendedSchemaObjects.Add(SupportTally.Table(schema));
    }
}
