using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain.Proposals;
using Platform.Domain.Reference;
using Wolverine.Http;

namespace Platform.Api.Proposals;

/// <summary>A resident submits a proposal in their city.</summary>
public static class SubmitProposalEndpoint
{
    /// <summary>Starts a Proposal stream in the city's tenant, with the city's support threshold of today; answers 201 with the new id.</summary>
    [WolverinePost("/api/cities/{city}/proposals", OperationId = "submitProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(SubmitProposal command, string city, ClaimsPrincipal user, CityDirectory cities,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var found = await cities.FindAsync(city, cancellation);
        if (found is null) return Problems.NotFound("city");
        var id = Guid.CreateVersion7();
        var decision = ProposalDecider.Decide(command, id, user.AccountId(), found.Settings.ProposalSupportThreshold, clock.GetUtcNow(), ReferenceCatalogue.Default);
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        session.Events.StartStream<Proposal>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return Results.Created($"/api/cities/{city}/proposals/{id}", new SubmittedProposal(id));
    }
}

/// <summary>The id of a proposal just submitted.</summary>
public sealed record SubmittedProposal(Guid Id);
