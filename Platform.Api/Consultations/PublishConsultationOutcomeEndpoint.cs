using Platform.Domain.Consultations;

namespace Platform.Api.Consultations;

/// <summary>A consultation's outcome as a caller sends it.</summary>
public sealed record PublishConsultationOutcomeRequest(string? Summary, IReadOnlyList<Guid>? CommitmentIds);

/// <summary>An official publishes what the council made of a closed consultation, once.</summary>
public static class PublishConsultationOutcomeEndpoint
{
    [WolverinePost("/api/cities/{city}/consultations/{id}/outcome", OperationId = "publishConsultationOutcome")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(Guid id, string city, PublishConsultationOutcomeRequest body, ClaimsPrincipal user, ConsultationHandler handler,
        IDocumentSession session, ConsultationReader reader, CancellationToken cancellation)
    {
        var written = await handler.Handle(new PublishConsultationOutcome(id, user.AccountId(), body.Summary, body.CommitmentIds), session, cancellation);
        return await written.AnswerAsync(() => reader.LoadAsync(session, city, id, cancellation));
    }
}
