using Platform.Domain.Monitoring;

namespace Platform.Domain.IndicatorProposals;

/// <summary>
/// An indicator as a resident or an organisation proposes it: what it measures (<paramref name="Name"/>), the right
/// it serves, its OHCHR type, its unit, where its data would come from, and why the city should follow it.
/// <paramref name="VariantOf"/> names the catalogue indicator it is a local variant of (null: a new one).
/// </summary>
public sealed record IndicatorProposalInput(string? Name, string? Right, string? Type, string? Unit, string? Source, string? Why, string? VariantOf);

/// <summary>Propose an indicator for the city, as <paramref name="ProposalId"/> (a new id), by <paramref name="AuthorId"/>.</summary>
public sealed record ProposeIndicator(Guid ProposalId, Guid AuthorId, ProposedBy By, IndicatorProposalInput Input)
{
    /// <summary>Whether <see cref="IndicatorProposalInput.VariantOf"/> names an indicator of the catalogue (set by the handler; true without one).</summary>
    public bool VariantKnown { get; init; } = true;
}

/// <summary>Support a proposal as a resident (residency and email as for other supports; the handler sets what the city requires).</summary>
public sealed record SupportIndicatorProposal(Guid ProposalId, Guid ResidentId)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
    public bool VerifiedEmail { get; init; }
    public bool VerifiedEmailRequired { get; init; }
}

/// <summary>Take back a resident's support of a proposal.</summary>
public sealed record WithdrawIndicatorProposalSupport(Guid ProposalId, Guid ResidentId);

/// <summary>An official puts the proposal to a consultation of the city (the handler says whether it exists).</summary>
public sealed record PutIndicatorProposalToConsultation(Guid ProposalId, Guid OfficialId, Guid? ConsultationId)
{
    public bool ConsultationKnown { get; init; }
}

/// <summary>
/// An official adopts the proposal into the city's set: <see cref="Adoption"/> is the adoption of the series itself
/// (the same command as any adoption), which the handler decides on the series stream in the same transaction.
/// </summary>
public sealed record AdoptIndicatorProposal(Guid ProposalId, Guid OfficialId, AdoptIndicator Adoption);

/// <summary>An official declines the proposal, saying why.</summary>
public sealed record DeclineIndicatorProposal(Guid ProposalId, Guid OfficialId, string? Reason);
