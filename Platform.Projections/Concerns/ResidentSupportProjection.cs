using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Projections.Concerns;

/// <summary>Live aggregation of a resident's support stream (a few events at most) of a concern or a proposal, for its rules.</summary>
public partial class ResidentSupportProjection : SingleStreamProjection<ResidentSupport, Guid>
{
    public static ResidentSupport Create(IEvent<ConcernSupported> e) => ResidentSupport.Create(e.StreamId, e.Data);
    public static ResidentSupport Apply(ConcernSupported e, ResidentSupport state) => state.Apply(e);
    public static ResidentSupport Apply(ConcernSupportWithdrawn e, ResidentSupport state) => state.Apply(e);
    public static ResidentSupport Create(IEvent<ProposalSupported> e) => ResidentSupport.Create(e.StreamId, e.Data);
    public static ResidentSupport Apply(ProposalSupported e, ResidentSupport state) => state.Apply(e);
    public static ResidentSupport Apply(ProposalSupportWithdrawn e, ResidentSupport state) => state.Apply(e);
}
