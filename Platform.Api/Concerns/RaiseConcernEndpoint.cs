using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Platform.Domain.Reference;
using Wolverine.Http;

namespace Platform.Api.Concerns;

/// <summary>A resident raises a rights concern in their city.</summary>
public static class RaiseConcernEndpoint
{
    /// <summary>Starts a Concern stream in the city's tenant; answers 201 with the new id.</summary>
    [WolverinePost("/api/cities/{city}/concerns", OperationId = "raiseConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(RaiseConcern command, string city, ClaimsPrincipal user,
        IDocumentSession session, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        // An anonymous concern is stored under its author's pseudonym: no account id in clear (docs/privacy.md).
        var author = pseudonyms.AuthorOf(user.AccountId(), command.Anonymous);
        var decision = ConcernDecider.Decide(command, id, author, clock.GetUtcNow(), ReferenceCatalogue.Default);
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        session.Events.StartStream<Concern>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return Results.Created($"/api/cities/{city}/concerns/{id}", new RaisedConcern(id));
    }
}

/// <summary>The id of a concern just raised.</summary>
public sealed record RaisedConcern(Guid Id);
