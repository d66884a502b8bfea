using JasperFx.Events.Projections;
using Platform.Projections.Consultations;

namespace Platform.Api.Consultations;

/// <summary>Everything the Consultations feature registers: projections, tables, readers, live views.</summary>
public static class ConsultationsSetup
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddSingleton<ConsultationReader>();
        services.AddSingleton<ConsultationHandler>();
        services.AddCityView<ConsultationReader>(ConsultationLiveRoute.View, reader => reader.LiveAsync);
        services.AddSingleton<ILiveViewRoute, ConsultationLiveRoute>();
        return services;
    }

    public static void AddConsultations(this StoreOptions opts, string schema)
    {
        opts.Projections.Add<ConsultationViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ConsultationStateProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ResidentResponseProjection>(ProjectionLifecycle.Live);
        opts.Projections.Add(new ConsultationTallyProjection(schema), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(ConsultationTally.Tally(schema));
        opts.Storage.ExtendedSchemaObjects.Add(ConsultationTally.Responses(schema));
        opts.Schema.For<ConsultationView>().Index(x => x.DraftedAt);
    }
}
