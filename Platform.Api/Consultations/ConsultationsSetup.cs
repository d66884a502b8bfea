using JasperFx.Events.Projections;
using Platform.Domain.Consultations;
using Platform.Projections.Consultations;

namespace Platform.Api.Consultations;

/// <summary>Everything the Consultations feature registers: projections, tables, readers, live views.</summary>
public static class ConsultationsSetup
{
    public static IServiceCollection AddConsultations(this IServiceCollection services)
    {
        services.AddItemFeature<ConsultationReader, ConsultationHandler, ConsultationLiveRoute>(ConsultationLiveRoute.View, reader => reader.LiveAsync);
        return services;
    }

    public static void AddConsultations(this StoreOptions opts, string schema)
    {
        opts.AddItemStreams<Consultation, ConsultationView>(new ConsultationViewProjection(), view => view.DraftedAt);
        opts.Projections.Add<ResidentResponseProjection>(ProjectionLifecycle.Live);
        opts.Projections.Add(new ConsultationTallyProjection(schema), ProjectionLifecycle.Inline);
        opts.Storage.ExtendedSchemaObjects.Add(ConsultationTally.Tally(schema));
        opts.Storage.ExtendedSchemaObjects.Add(ConsultationTally.Responses(schema));
    }
}
