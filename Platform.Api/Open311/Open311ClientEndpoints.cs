using Platform.Domain.Open311;

namespace Platform.Api.Open311;

/// <summary>The body of issuing a key: the name of the client app it is for.</summary>
public sealed record IssueOpen311KeyRequest(string? App);

/// <summary>The city's officials issue, list and revoke the API keys of Open311 client apps.</summary>
public static class Open311ClientEndpoints
{
    /// <summary>Issues a key to a new client app: 201 with the key, which is never shown again (only its hash is kept).</summary>
    [WolverinePost("/api/cities/{city}/open311/clients", OperationId = "issueOpen311Key")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Issue(IssueOpen311KeyRequest request, string city, ClaimsPrincipal user, IDocumentSession session,
        Open311ClientHandler handler, CancellationToken cancellation)
    {
        var (written, id, key) = await handler.IssueAsync(user.AccountId(), request.App, session, cancellation);
        if (written.IsRefused) return written.Problem;
        var client = (await Open311ClientHandler.FindAsync(session, id, cancellation))!;
        return Results.Created($"/api/cities/{city}/open311/clients/{id}", new IssuedOpen311Key(id, client.App, key!, client.IssuedAt));
    }

    /// <summary>The city's client apps, newest first, active and revoked (no keys).</summary>
    [WolverineGet("/api/cities/{city}/open311/clients", OperationId = "listOpen311Clients")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> List(string city, IQuerySession session, CancellationToken cancellation) =>
        Results.Ok(await Open311ClientHandler.ListAsync(session, cancellation));

    /// <summary>Revokes a client app's key; 200 with the client app. Revoking it again changes nothing.</summary>
    [WolverineDelete("/api/cities/{city}/open311/clients/{id}", OperationId = "revokeOpen311Key")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Revoke(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, Open311ClientHandler handler,
        CancellationToken cancellation)
    {
        var written = await handler.Handle(new RevokeOpen311Key(id, user.AccountId()), session, cancellation);
        return await written.AnswerAsync(async () => (await Open311ClientHandler.FindAsync(session, id, cancellation))!);
    }
}
