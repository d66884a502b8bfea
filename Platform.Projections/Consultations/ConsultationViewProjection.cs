using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>Inline projection of a Consultation stream into <see cref="ConsultationView"/>.</summary>
public partial class ConsultationViewProjection : SingleStreamProjection<ConsultationView, Guid>
{
    public static ConsultationView Create(IEvent<ConsultationDrafted> e) => new()
    {
        Id = e.Data.ConsultationId,
        Title = e.Data.Title,
        Description = e.Data.Description,
        Status = ConsultationStatus.Draft,
        DraftedAt = e.Data.DraftedAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<ConsultationOpened> e, ConsultationView view)
    {
        view.Status = ConsultationStatus.Open;
        view.OpensAt = e.Data.OpensAt;
        view.ClosesAt = e.Data.ClosesAt;
        view.Questions = e.Data.Questions;
        view.OpenedAt = e.Data.OpenedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ConsultationClosed> e, ConsultationView view)
    {
        view.Status = ConsultationStatus.Closed;
        view.ClosedAt = e.Data.ClosedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ConsultationOutcomePublished> e, ConsultationView view)
    {
        view.Status = ConsultationStatus.OutcomePublished;
        view.Outcome = new ConsultationOutcome(e.Data.Summary, e.Data.CommitmentIds, e.Data.PublishedAt);
        view.Sequence = e.Sequence;
    }
}
