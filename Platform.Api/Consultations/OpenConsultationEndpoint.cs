using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Consultations;
using Platform.Projections.Consultations;
using Wolverine;
using Wolverine.Http;

namespace Platform.Api.Consultations;

/// <summary>
/// An official opens a drafted consultation with its questions and window. The close at the end of
/// the window is a durable scheduled Wolverine message (<see cref="CloseConsultation"/>), stored by
/// the outbox in the same transaction as the <see cref="ConsultationOpened"/> event: both happen or neither.
/// </summary>
public static class OpenConsultationEndpoint
{
    [WolverinePost("/api/cities/{city}/consultations/{id}/open", OperationId = "openConsultation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(Guid id, string city, OpenConsultation command, ClaimsPrincipal user,
        IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken cancellation)
    {
        // The session was opened by Wolverine for this request and is enlisted in its outbox: the scheduled close is
        // written in the session's transaction and released after it commits.
        var written = await StreamWrite.DecideAsync<Consultation>(session, id,
            consultation => ConsultationDecider.Decide(command, consultation, user.AccountId(), clock.GetUtcNow()),
            DomainError.Conflict("consultation-already-opened", "Another request opened this consultation first."), cancellation,
            async events => await bus.ScheduleAsync(new CloseConsultation(city, id), events.OfType<ConsultationOpened>().Single().ClosesAt));
        if (written.IsRefused) return written.Problem;

        var view = await session.LoadAsync<ConsultationView>(id, cancellation);
        return Results.Ok(ConsultationDetails.Of(city, view!));
    }
}
