using Platform.Domain.Proposals;

namespace Platform.Domain.Concerns;

/// <summary>
/// One resident's support of one item (the state of a support stream). The item is a concern or a
/// proposal: both keep supports in per-resident streams named by <see cref="PersonalStream"/>.
/// </summary>
public sealed record ResidentSupport(Guid Id, Guid ItemId, Guid ResidentId, bool Active)
{
    public static ResidentSupport From(ConcernSupported e) => new(PersonalStream.Id(e.ConcernId, e.ResidentId), e.ConcernId, e.ResidentId, true);
    public ResidentSupport Then(ConcernSupported _) => this with { Active = true };
    public ResidentSupport Then(ConcernSupportWithdrawn _) => this with { Active = false };

    public static ResidentSupport From(ProposalSupported e) => new(PersonalStream.Id(e.ProposalId, e.ResidentId), e.ProposalId, e.ResidentId, true);
    public ResidentSupport Then(ProposalSupported _) => this with { Active = true };
    public ResidentSupport Then(ProposalSupportWithdrawn _) => this with { Active = false };
}
