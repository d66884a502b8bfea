namespace Platform.Domain.Consultations;

/// <summary>
/// One resident's response to one consultation: the state of the resident's own response stream
/// (its id is <see cref="Concerns.PersonalStream.Id"/> of consultation and resident).
/// </summary>
public sealed record ResidentResponse(Guid Id, Guid ConsultationId, Guid ResidentId, ConsultationAnswer[] Answers, int Amendments, DateTimeOffset SubmittedAt)
{
    public static ResidentResponse Create(Guid streamId, ConsultationResponseSubmitted e) =>
        new(streamId, e.ConsultationId, e.ResidentId, e.Answers, e.Amended ? 1 : 0, e.SubmittedAt);

    public ResidentResponse Apply(ConsultationResponseSubmitted e) =>
        this with { Answers = e.Answers, Amendments = Amendments + (e.Amended ? 1 : 0), SubmittedAt = e.SubmittedAt };
}
