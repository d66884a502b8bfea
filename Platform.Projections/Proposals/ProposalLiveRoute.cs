using Platform.Domain.Proposals;

namespace Platform.Projections.Proposals;

/// <summary>The "proposal" view changes with every event of the proposal and with each support of it.</summary>
public sealed class ProposalLiveRoute : ILiveViewRoute
{
    public const string View = "proposal";

    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(ProposalSubmitted), typeof(ProposalSupported), typeof(ProposalSupportWithdrawn), typeof(ProposalThresholdReached),
        typeof(ProposalAccepted), typeof(ProposalRejected), typeof(ProposalWithdrawn),
    ];

    public IEnumerable<ViewChange> ChangesOf(IEvent e)
    {
        Guid? id = e.Data switch
        {
            ProposalSubmitted s => s.ProposalId,
            ProposalSupported s => s.ProposalId,
            ProposalSupportWithdrawn w => w.ProposalId,
            ProposalThresholdReached t => t.ProposalId,
            ProposalAccepted a => a.ProposalId,
            ProposalRejected r => r.ProposalId,
            ProposalWithdrawn w => w.ProposalId,
            _ => null,
        };
        if (id is { } proposalId) yield return new ViewChange(View, e.TenantId, proposalId, e.Sequence);
    }
}
