using Platform.Domain.Consultations;

namespace Platform.Api.Consultations;

/// <summary>The opening of a draft as a caller sends it: the window (<c>opensAt</c> defaults to now) and the questions.</summary>
public sealed record OpenConsultationRequest(DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, IReadOnlyList<QuestionInput?>? Questions);

/// <summary>
/// An official opens a drafted consultation with its questions and window. The close at the end of
/// the window is a durable scheduled Wolverine message (<see cref="CloseConsultation"/>), stored by
/// the outbox in the same transaction as the <see cref="ConsultationOpened"/> event: both happen or neither.
/// </summary>
public static class OpenConsultationEndpoint
{
    [WolverinePost("/api/cities/{city}/consultations/{id}/open", OperationId = "openConsultation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(Guid id, string city, OpenConsultationRequest body, ClaimsPrincipal user, ConsultationHandler handler,
        IDocumentSession session, IMessageBus bus, ConsultationReader reader, CancellationToken cancellation)
    {
        // The session was opened by Wolverine for this request and is enlisted in its outbox: the scheduled close is
        // written in the session's transaction and released after it commits.
        var written = await handler.Handle(new OpenConsultation(id, user.AccountId(), body.OpensAt, body.ClosesAt, body.Questions), session, bus, cancellation);
        return await written.AnswerAsync(() => reader.LoadAsync(session, city, id, cancellation));
    }
}
