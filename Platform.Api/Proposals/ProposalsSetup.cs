using JasperFx.Events.Projections;
using Platform.Domain.Proposals;
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
        services.AddSingleton<ProposalThreshold>();
        services.AddItemFeature<ProposalReader, ProposalHandler, ProposalLiveRoute>(ProposalLiveRoute.View, reader => reader.LiveAsync);
        return services;
    }

    public static void AddProposals(this StoreOptions opts, string schema)
    {
        opts.AddItemStreams<Proposal, ProposalView>(new ProposalViewProjection(), view => view.SubmittedAt);
    }
}
