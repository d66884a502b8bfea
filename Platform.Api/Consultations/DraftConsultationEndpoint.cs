using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain.Consultations;
using Wolverine.Http;

namespace Platform.Api.Consultations;

/// <summary>An official drafts a consultation (title, description); it stays invisible to the public until opened.</summary>
public static class DraftConsultationEndpoint
{
    [WolverinePost("/api/cities/{city}/consultations", OperationId = "draftConsultation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(DraftConsultation command, string city, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var decision = ConsultationDecider.Decide(command, id, user.AccountId(), clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        session.Events.StartStream<Consultation>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return Results.Created($"/api/cities/{city}/consultations/{id}", new DraftedConsultation(id));
    }
}

/// <summary>The id of a consultation just drafted.</summary>
public sealed record DraftedConsultation(Guid Id);
