using Platform.Domain.Commitments;

namespace Platform.Api.Commitments;

/// <summary>An official of the city publishes a commitment (or a sub-commitment of one, with <c>parentId</c> and <c>weight</c>).</summary>
public static class PublishCommitmentEndpoint
{
    /// <summary>201 with the commitment's view; 400 naming the field; 404 naming <c>origins[i]</c> or <c>parentId</c> when they do not exist in the city.</summary>
    [WolverinePost("/api/cities/{city}/commitments", OperationId = "publishCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(CommitmentInput body, string city, ClaimsPrincipal user, CommitmentHandler handler,
        IDocumentSession session, IMessageBus bus, CommitmentReader reader, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        // The session was opened by Wolverine for this request and is enlisted in its outbox: the overdue check is scheduled in its transaction.
        var written = await handler.Handle(new PublishCommitment(id, user.AccountId(), body), session, bus, cancellation);
        if (written.IsRefused) return written.Problem;
        return Results.Created($"/api/cities/{city}/commitments/{id}", await reader.LoadAsync(session, city, id, cancellation));
    }
}
