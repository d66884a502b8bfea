using Platform.Domain.Proposals;

namespace Platform.Domain.Concerns;

/// <summary>
/// One resident's support of one item (the state of a support stream). The item is a concern or a
/// proposal: both keep supports in per-resident streams named by <see cref="PersonalStream"/>.
/// </summary>
public sealed record ResidentSupport(Guid Id, Guid ItemId, Guid ResidentId, bool Active)
{
    public static ResidentSupport Create(Guid streamId, ConcernSupported e) => new(streamId, e.ConcernId, e.ResidentId, true);
    public ResidentSupport Apply(ConcernSupported _) => this with { Active = true };
    public ResidentSupport Apply(ConcernSupportWithdrawn _) => this with { Active = false };

    public static ResidentSupport Create(Guid streamId, ProposalSupported e) => new(streamId, e.ProposalId, e.ResidentId, true);
    public ResidentSupport Apply(ProposalSupported _) => this with { Active = true };
    public ResidentSupport Apply(ProposalSupportWithdrawn _) => this with { Active = false };
}
