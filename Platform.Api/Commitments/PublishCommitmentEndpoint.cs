using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain.Commitments;
using Wolverine;
using Wolverine.Http;

namespace Platform.Api.Commitments;

/// <summary>An official of the city publishes a commitment (or a sub-commitment of one, with <c>parentId</c> and <c>weight</c>).</summary>
public static class PublishCommitmentEndpoint
{
    /// <summary>201 with the commitment's view; 400 naming the field; 404 naming <c>origins[i]</c> or <c>parentId</c> when they do not exist in the city.</summary>
    [WolverinePost("/api/cities/{city}/commitments", OperationId = "publishCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(PublishCommitment command, string city, ClaimsPrincipal user, CityDirectory cities,
        IDocumentSession session, IMessageBus bus, CommitmentReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var decision = await CommitmentPublisher.PublishAsync(command, id, city, user.AccountId(), session, bus, cities, clock, cancellation);
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        await session.SaveChangesAsync(cancellation);
        var details = await reader.LoadAsync(session, city, id, cancellation);
        return Results.Created($"/api/cities/{city}/commitments/{id}", details);
    }
}
