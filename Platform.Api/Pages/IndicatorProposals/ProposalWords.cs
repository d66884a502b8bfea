using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;

namespace Platform.Api.Pages.IndicatorProposals;

/// <summary>The words (resource keys) the proposal pages show for a status, a proposer and a unit kind or direction.</summary>
public static class ProposalWords
{
    public static string Status(IndicatorProposalStatus status) => status switch
    {
        IndicatorProposalStatus.Open => "IndicatorProposals.Status.Open",
        IndicatorProposalStatus.InConsultation => "IndicatorProposals.Status.InConsultation",
        IndicatorProposalStatus.Adopted => "IndicatorProposals.Status.Adopted",
        _ => "IndicatorProposals.Status.Declined",
    };

    public static string By(ProposedBy by) => by == ProposedBy.Organisation ? "IndicatorProposals.By.Organisation" : "IndicatorProposals.By.Resident";

    public static string UnitKind(UnitKind kind) => kind switch
    {
        Domain.Monitoring.UnitKind.Percentage => "IndicatorProposals.UnitKind.Percentage",
        Domain.Monitoring.UnitKind.Count => "IndicatorProposals.UnitKind.Count",
        Domain.Monitoring.UnitKind.Rate => "IndicatorProposals.UnitKind.Rate",
        Domain.Monitoring.UnitKind.Amount => "IndicatorProposals.UnitKind.Amount",
        Domain.Monitoring.UnitKind.Difference => "IndicatorProposals.UnitKind.Difference",
        Domain.Monitoring.UnitKind.YesNo => "IndicatorProposals.UnitKind.YesNo",
        _ => "IndicatorProposals.UnitKind.Year",
    };

    /// <summary>The unit kinds an official may choose (rates need a base the form does not ask for: the API takes them).</summary>
    public static readonly UnitKind[] UnitKinds =
        [Domain.Monitoring.UnitKind.Percentage, Domain.Monitoring.UnitKind.Count, Domain.Monitoring.UnitKind.Amount,
         Domain.Monitoring.UnitKind.Difference, Domain.Monitoring.UnitKind.YesNo, Domain.Monitoring.UnitKind.Year];

    /// <summary>The data sources an official may choose for a local indicator (never the platform's own).</summary>
    public static readonly SourceKind[] Sources = Enum.GetValues<SourceKind>().Where(s => s != SourceKind.Platform).ToArray();
}
