using Platform.Domain.Monitoring;

namespace Platform.Api.IndicatorProposals;

/// <summary>The body that puts a proposal to a consultation of the city.</summary>
public sealed record ConsultationLinkRequest(Guid? ConsultationId);

/// <summary>
/// The body of an adoption: the code of the series the proposal becomes (a catalogue code adopts that indicator, any
/// other a local one defined from the proposal), how its values are checked (<paramref name="UnitKind"/>,
/// <paramref name="RateBase"/>, <paramref name="Direction"/>, the kind of <paramref name="DataSource"/>, the
/// <paramref name="Disaggregations"/>; local indicators only), and the baseline, target and department as for any adoption.
/// </summary>
public sealed record AdoptIndicatorProposalRequest(
    string? Code, string? UnitKind, int? RateBase, string? Direction, string? DataSource, IReadOnlyList<string?>? Disaggregations,
    BaselineInput? Baseline, double? Target, int? TargetYear, string? Department);

/// <summary>The body of a decline: why.</summary>
public sealed record DeclineIndicatorProposalRequest(string? Reason);

/// <summary>The id of a proposal just made.</summary>
public sealed record ProposedIndicator(Guid Id);

/// <summary>The caller's support of a proposal after the request (<paramref name="Changed"/> false: a repeat).</summary>
public sealed record IndicatorProposalSupportState(Guid ProposalId, bool Supported, bool Changed);
