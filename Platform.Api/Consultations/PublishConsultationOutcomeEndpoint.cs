using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Consultations;
using Platform.Projections.Consultations;
using Wolverine.Http;

namespace Platform.Api.Consultations;

/// <summary>An official publishes what the council made of a closed consultation, once.</summary>
public static class PublishConsultationOutcomeEndpoint
{
    [WolverinePost("/api/cities/{city}/consultations/{id}/outcome", OperationId = "publishConsultationOutcome")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(Guid id, string city, PublishConsultationOutcome command, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var written = await StreamWrite.DecideAsync<Consultation>(session, id,
            consultation => ConsultationDecider.Decide(command, consultation, user.AccountId(), clock.GetUtcNow()),
            DomainError.Conflict("outcome-already-published", "Another request published the outcome first."), cancellation);
        if (written.IsRefused) return written.Problem;
        var view = await session.LoadAsync<ConsultationView>(id, cancellation);
        return Results.Ok(ConsultationDetails.Of(city, view!));
    }
}
