using Platform.Domain.Proposals;

namespace Platform.Projections.Proposals;

/// <summary>Keeps the write-side <see cref="Proposal"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class ProposalStateProjection : SingleStreamProjection<Proposal, Guid>
{
    public static Proposal Create(ProposalSubmitted e) => Proposal.Create(e);
    public static Proposal Apply(ProposalThresholdReached e, Proposal state) => state.Apply(e);
    public static Proposal Apply(ProposalAccepted e, Proposal state) => state.Apply(e);
    public static Proposal Apply(ProposalRejected e, Proposal state) => state.Apply(e);
    public static Proposal Apply(ProposalWithdrawn e, Proposal state) => state.Apply(e);
}
