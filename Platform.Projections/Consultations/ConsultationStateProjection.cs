using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>Keeps the write-side <see cref="Consultation"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class ConsultationStateProjection : SingleStreamProjection<Consultation, Guid>
{
    public static Consultation Create(ConsultationDrafted e) => Consultation.Create(e);
    public static Consultation Apply(ConsultationOpened e, Consultation state) => state.Apply(e);
    public static Consultation Apply(ConsultationClosed e, Consultation state) => state.Apply(e);
    public static Consultation Apply(ConsultationOutcomePublished e, Consultation state) => state.Apply(e);
}
