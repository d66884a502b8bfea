namespace Platform.Domain.Consultations;

/// <summary>The write-side state of a consultation: only what its rules need.</summary>
public sealed record Consultation(
    Guid Id,
    ConsultationStatus Status,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    ConsultationQuestion[] Questions)
{
    public static Consultation From(ConsultationDrafted e) => new(e.ConsultationId, ConsultationStatus.Draft, null, null, []);

    public Consultation Then(ConsultationOpened e) =>
        this with { Status = ConsultationStatus.Open, OpensAt = e.OpensAt, ClosesAt = e.ClosesAt, Questions = e.Questions };

    public Consultation Then(ConsultationClosed _) => this with { Status = ConsultationStatus.Closed };

    public Consultation Then(ConsultationOutcomePublished _) => this with { Status = ConsultationStatus.OutcomePublished };

    /// <summary>
    /// The item residents may take part in (this consultation while open), or null: the participation gate's condition.
    /// The window's times are the decider's to check (<see cref="AcceptsAnswersAt"/>), on the state it reads.
    /// </summary>
    public Guid? OpenToParticipation => Status == ConsultationStatus.Open ? Id : null;

    /// <summary>Answers are taken while the consultation is open and <paramref name="now"/> is inside its window.</summary>
    public bool AcceptsAnswersAt(DateTimeOffset now) => ConsultationRules.TakesAnswers(Status, OpensAt, ClosesAt, now);
}
