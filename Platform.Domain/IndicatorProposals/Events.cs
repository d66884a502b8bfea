using Platform.Domain.Monitoring;

namespace Platform.Domain.IndicatorProposals;

/// <summary>Who proposed an indicator: a resident, or an account acting for a verified organisation of the city.</summary>
public enum ProposedBy
{
    Resident,
    Organisation,
}

/// <summary>A resident or an organisation proposed an indicator for the city. The first event of its stream.</summary>
public sealed record IndicatorProposed(
    Guid ProposalId,
    string Name,
    string Right,
    IndicatorType Type,
    string Unit,
    string Source,
    string Why,
    string? VariantOf,
    Guid AuthorId,
    ProposedBy By,
    DateTimeOffset ProposedAt);

/// <summary>A resident supports a proposal (in the resident's own stream about it, <see cref="PersonalStream"/>).</summary>
public sealed record IndicatorProposalSupported(Guid ProposalId, Guid ResidentId, DateTimeOffset SupportedAt);

public sealed record IndicatorProposalSupportWithdrawn(Guid ProposalId, Guid ResidentId, DateTimeOffset WithdrawnAt);

/// <summary>An official put the proposal to a consultation of the city, where residents discuss it.</summary>
public sealed record IndicatorProposalPutToConsultation(Guid ProposalId, Guid ConsultationId, Guid OfficialId, DateTimeOffset At);

/// <summary>The city adopted the proposal: <paramref name="Code"/> is the series it became (adopted in the same transaction).</summary>
public sealed record IndicatorProposalAdopted(Guid ProposalId, string Code, Guid OfficialId, DateTimeOffset AdoptedAt);

/// <summary>The city declined the proposal, and said why.</summary>
public sealed record IndicatorProposalDeclined(Guid ProposalId, string Reason, Guid OfficialId, DateTimeOffset DeclinedAt);
