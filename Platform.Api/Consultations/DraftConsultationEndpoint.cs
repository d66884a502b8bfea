using Platform.Domain.Consultations;

namespace Platform.Api.Consultations;

/// <summary>A consultation's draft as a caller sends it.</summary>
public sealed record DraftConsultationRequest(string? Title, string? Description);

/// <summary>An official drafts a consultation (title, description); it stays invisible to the public until opened.</summary>
public static class DraftConsultationEndpoint
{
    [WolverinePost("/api/cities/{city}/consultations", OperationId = "draftConsultation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(DraftConsultationRequest body, string city, ClaimsPrincipal user, ConsultationHandler handler,
        IDocumentSession session, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var written = await handler.Handle(new DraftConsultation(id, user.AccountId(), body.Title, body.Description), session, cancellation);
        return written.IsRefused ? written.Problem : Results.Created($"/api/cities/{city}/consultations/{id}", new DraftedConsultation(id));
    }
}

/// <summary>The id of a consultation just drafted.</summary>
public sealed record DraftedConsultation(Guid Id);
