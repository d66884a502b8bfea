using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;

namespace Platform.Projections.IndicatorProposals;

/// <summary>
/// The view of a proposed indicator, kept by an inline projection of its stream. Supports are not stored here
/// (they are the residents' own streams); readers count them from <see cref="IndicatorProposalSupport"/>.
/// </summary>
public sealed class IndicatorProposalView : Marten.Metadata.ITenanted
{
    public Guid Id { get; set; }
    /// <summary>The city (its tenant), filled in by the store.</summary>
    public string? TenantId { get; set; }
    public string Name { get; set; } = "";
    public string Right { get; set; } = "";
    public IndicatorType Type { get; set; }
    public string Unit { get; set; } = "";
    public string Source { get; set; } = "";
    public string Why { get; set; } = "";
    /// <summary>The catalogue indicator it is a local variant of (null: a new indicator).</summary>
    public string? VariantOf { get; set; }
    public ProposedBy By { get; set; }
    /// <summary>The author, kept for the author's own data; never shown to anyone else.</summary>
    public Guid AuthorId { get; set; }
    public IndicatorProposalStatus Status { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid? ConsultationId { get; set; }
    /// <summary>The code of the series it became, once adopted.</summary>
    public string? Code { get; set; }
    public string? DeclineReason { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public long Sequence { get; set; }
}

/// <summary>Inline projection of a proposed indicator's stream into <see cref="IndicatorProposalView"/>.</summary>
public partial class IndicatorProposalViewProjection : SingleStreamProjection<IndicatorProposalView, Guid>
{
    public static IndicatorProposalView Create(IEvent<IndicatorProposed> e) => new()
    {
        Id = e.Data.ProposalId,
        Name = e.Data.Name,
        Right = e.Data.Right,
        Type = e.Data.Type,
        Unit = e.Data.Unit,
        Source = e.Data.Source,
        Why = e.Data.Why,
        VariantOf = e.Data.VariantOf,
        By = e.Data.By,
        AuthorId = e.Data.AuthorId,
        Status = IndicatorProposalStatus.Open,
        ProposedAt = e.Data.ProposedAt,
        UpdatedAt = e.Data.ProposedAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<IndicatorProposalPutToConsultation> e, IndicatorProposalView view)
    {
        Touch(view, e, e.Data.At, IndicatorProposalStatus.InConsultation);
        view.ConsultationId = e.Data.ConsultationId;
    }

    public static void Apply(IEvent<IndicatorProposalAdopted> e, IndicatorProposalView view)
    {
        Touch(view, e, e.Data.AdoptedAt, IndicatorProposalStatus.Adopted);
        view.Code = e.Data.Code;
        view.DecidedAt = e.Data.AdoptedAt;
    }

    public static void Apply(IEvent<IndicatorProposalDeclined> e, IndicatorProposalView view)
    {
        Touch(view, e, e.Data.DeclinedAt, IndicatorProposalStatus.Declined);
        view.DeclineReason = e.Data.Reason;
        view.DecidedAt = e.Data.DeclinedAt;
    }

    private static void Touch(IndicatorProposalView view, IEvent e, DateTimeOffset at, IndicatorProposalStatus status)
    {
        view.Status = status;
        view.UpdatedAt = at;
        view.Sequence = e.Sequence;
    }
}

/// <summary>Inline projection of a resident's support stream of a proposed indicator, for its rules and its count.</summary>
public partial class IndicatorProposalSupportProjection : SingleStreamProjection<IndicatorProposalSupport, Guid>
{
    public static IndicatorProposalSupport Create(IndicatorProposalSupported e) => IndicatorProposalSupport.Create(e);
    public static IndicatorProposalSupport Apply(IndicatorProposalSupported e, IndicatorProposalSupport state) => state.Apply(e);
    public static IndicatorProposalSupport Apply(IndicatorProposalSupportWithdrawn e, IndicatorProposalSupport state) => state.Apply(e);
}
