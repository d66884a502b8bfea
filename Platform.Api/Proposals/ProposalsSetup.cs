using JasperFx.Events.Projections;
using Platform.Projections.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// Everything the Proposals feature registers: projections, readers, the handler, the threshold check, live views.
/// Supports use the Concerns feature's support streams and tally (registered by <c>AddConcerns</c>).
/// </summary>
public static class ProposalsSetup
{
    public static IServiceCollection AddProposals(this IServiceCollection services)
    {
        services.AddSingleton<ProposalReader>();
        services.AddSingleton<ProposalHandler>();
        services.AddSingleton<ProposalThreshold>();
        services.AddCityView<ProposalReader>(ProposalLiveRoute.View, reader => reader.LiveAsync);
        services.AddSingleton<ILiveViewRoute, ProposalLiveRoute>();
        return services;
    }

    public static void AddProposals(this StoreOptions opts, string schema)
    {
        opts.Projections.Add<ProposalViewProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ProposalStateProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ProposalView>().Index(x => x.SubmittedAt);
    }
}
