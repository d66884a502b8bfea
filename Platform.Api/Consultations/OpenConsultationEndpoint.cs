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
        var stream = await session.Events.FetchForWriting<Consultation>(id, cancellation);
        var decision = ConsultationDecider.Decide(command, stream.Aggregate, user.AccountId(), clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        stream.AppendMany(decision.Events);
        var opened = decision.Events.OfType<ConsultationOpened>().Single();
        // The session was opened by Wolverine for this request and is enlisted in its outbox: the
        // scheduled message is written in the session's transaction and released after it commits.
        await bus.ScheduleAsync(new CloseConsultation(city, id), opened.ClosesAt);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (WriteConflicts.IsStreamConflict(e))
        {
            return Problems.Result([DomainError.Conflict("consultation-already-opened", "Another request opened this consultation first.")]);
        }

        var view = await session.LoadAsync<ConsultationView>(id, cancellation);
        return Results.Ok(ConsultationDetails.Of(city, view!));
    }
}
