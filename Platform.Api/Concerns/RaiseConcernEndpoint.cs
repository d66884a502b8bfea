using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>A resident raises a rights concern in their city.</summary>
public static class RaiseConcernEndpoint
{
    /// <summary>Starts a Concern stream in the city's tenant (<see cref="ConcernHandler"/>); answers 201 with the new id.</summary>
    [WolverinePost("/api/cities/{city}/concerns", OperationId = "raiseConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(RaiseConcernRequest request, string city, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, CancellationToken cancellation)
    {
        var command = new RaiseConcern(Guid.CreateVersion7(), user.AccountId(), request.Title, request.Description, request.Rights, request.SdgTargets,
            request.District, request.Anonymous) { Groups = request.Groups };
        var written = await handler.Handle(command, session, cancellation);
        return written.IsRefused ? written.Problem : Results.Created($"/api/cities/{city}/concerns/{command.ConcernId}", new RaisedConcern(command.ConcernId));
    }
}

/// <summary>The id of a concern just raised.</summary>
public sealed record RaisedConcern(Guid Id);
