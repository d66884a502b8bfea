namespace Platform.Domain.IndicatorProposals;

/// <summary>Where a proposed indicator stands.</summary>
public enum IndicatorProposalStatus
{
    /// <summary>Proposed: residents support it.</summary>
    Open,
    /// <summary>Put to a consultation (supports still count).</summary>
    InConsultation,
    Adopted,
    Declined,
}

/// <summary>The write-side state of a proposed indicator: only what its rules need.</summary>
public sealed record IndicatorProposal(Guid Id, IndicatorProposalStatus Status, ProposedBy By, Guid? ConsultationId)
{
    public static IndicatorProposal From(IndicatorProposed e) => new(e.ProposalId, IndicatorProposalStatus.Open, e.By, null);

    public IndicatorProposal Then(IndicatorProposalPutToConsultation e) => this with { Status = IndicatorProposalStatus.InConsultation, ConsultationId = e.ConsultationId };
    public IndicatorProposal Then(IndicatorProposalAdopted _) => this with { Status = IndicatorProposalStatus.Adopted };
    public IndicatorProposal Then(IndicatorProposalDeclined _) => this with { Status = IndicatorProposalStatus.Declined };

    /// <summary>Undecided: residents may support it, officials may put it to a consultation, adopt or decline it.</summary>
    public bool Undecided => UndecidedWhen(Status);

    /// <summary>The item residents may take part in now (this proposal while undecided), or null: the participation gate's condition.</summary>
    public Guid? OpenToParticipation => Undecided ? Id : null;

    public static bool UndecidedWhen(IndicatorProposalStatus status) => status is IndicatorProposalStatus.Open or IndicatorProposalStatus.InConsultation;
}

/// <summary>
/// One resident's support of one proposed indicator (the state of their personal stream about it). A support can be
/// taken back and given again in the same stream, so its first event is also a later one: it is built by its own
/// projection (<c>IndicatorProposalSupportProjection</c>) from <see cref="Create"/> and <see cref="Apply(IndicatorProposalSupported)"/>,
/// as concern and proposal supports are, rather than by <see cref="Evolution{TState}"/>.
/// </summary>
public sealed record IndicatorProposalSupport(Guid Id, Guid ProposalId, Guid ResidentId, bool Active)
{
    public static IndicatorProposalSupport Create(IndicatorProposalSupported e) => new(PersonalStream.Id(e.ProposalId, e.ResidentId), e.ProposalId, e.ResidentId, true);
    public IndicatorProposalSupport Apply(IndicatorProposalSupported _) => this with { Active = true };
    public IndicatorProposalSupport Apply(IndicatorProposalSupportWithdrawn _) => this with { Active = false };
}
