using JasperFx.Events.Projections;
using Platform.Domain.Organisations;
using Platform.Projections.Organisations;

namespace Platform.Api.Organisations;

/// <summary>Everything the Organisations feature registers: the write states and views of organisations and shadow reports, the reader, the handler.</summary>
public static class OrganisationsSetup
{
    public static IServiceCollection AddOrganisations(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationReader>();
        services.AddSingleton<OrganisationHandler>();
        return services;
    }

    public static void AddOrganisations(this StoreOptions opts)
    {
        opts.Projections.Add(new StateProjection<Organisation>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new OrganisationViewProjection(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new StateProjection<ShadowReport>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new ShadowReportViewProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<ShadowReportView>().Index(r => r.Year);
        opts.Events.AddEventType<ConcernRaisedOnBehalf>();
    }
}
