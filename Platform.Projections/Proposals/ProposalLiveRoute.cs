using Platform.Domain.Proposals;

namespace Platform.Projections.Proposals;

/// <summary>The "proposal" view changes with every event of the proposal and with each support of it.</summary>
public sealed class ProposalLiveRoute : ItemLiveRoute
{
    public const string View = "proposal";

    public ProposalLiveRoute() : base(View)
    {
        On<ProposalSubmitted>(e => e.ProposalId);
        On<ProposalSupported>(e => e.ProposalId);
        On<ProposalSupportWithdrawn>(e => e.ProposalId);
        On<ProposalThresholdReached>(e => e.ProposalId);
        On<ProposalAccepted>(e => e.ProposalId);
        On<ProposalRejected>(e => e.ProposalId);
        On<ProposalWithdrawn>(e => e.ProposalId);
    }
}
