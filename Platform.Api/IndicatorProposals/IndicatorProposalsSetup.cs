using JasperFx.Events.Projections;
using Platform.Domain.IndicatorProposals;
using Platform.Projections.IndicatorProposals;

namespace Platform.Api.IndicatorProposals;

/// <summary>
/// Everything co-created indicators register: the reader and handler; the proposal's write state and view, and each
/// resident's support stream state (counted by the reader), all kept inline with the events.
/// </summary>
public static class IndicatorProposalsSetup
{
    public static IServiceCollection AddIndicatorProposals(this IServiceCollection services) =>
        services.AddSingleton<IndicatorProposalReader>().AddSingleton<IndicatorProposalHandler>();

    public static void AddIndicatorProposals(this StoreOptions opts, string schema)
    {
        opts.AddItemStreams<IndicatorProposal, IndicatorProposalView>(new IndicatorProposalViewProjection(), view => view.ProposedAt);
        opts.Projections.Add(new IndicatorProposalSupportProjection(), ProjectionLifecycle.Inline);
        opts.Schema.For<IndicatorProposalSupport>().Index(x => x.ProposalId);
    }
}
