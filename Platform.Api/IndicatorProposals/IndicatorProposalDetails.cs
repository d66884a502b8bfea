using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;
using Platform.Projections.IndicatorProposals;

namespace Platform.Api.IndicatorProposals;

/// <summary>
/// A proposed indicator as everyone sees it: what it measures, who proposed it (a resident or an organisation, never
/// which one), its supports, the consultation it was put to, and the city's decision (the series it became, or why
/// not). <paramref name="Mine"/>: whether the caller proposed it.
/// </summary>
public sealed record IndicatorProposalDetails(
    Guid Id, string Name, string Right, IndicatorType Type, string Unit, string Source, string Why, string? VariantOf, ProposedBy By,
    IndicatorProposalStatus Status, DateTimeOffset ProposedAt, long Supports, Guid? ConsultationId, string? Code, string? DeclineReason,
    DateTimeOffset? DecidedAt, bool Mine, long Version)
{
    public static IndicatorProposalDetails Of(IndicatorProposalView v, long supports, Guid? caller) => new(
        v.Id, v.Name, v.Right, v.Type, v.Unit, v.Source, v.Why, v.VariantOf, v.By, v.Status, v.ProposedAt, supports, v.ConsultationId, v.Code,
        v.DeclineReason, v.DecidedAt, caller is { } c && c == v.AuthorId, v.Sequence);

    public bool Undecided => IndicatorProposal.UndecidedWhen(Status);
}
