using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Proposals;
using Wolverine.Http;

namespace Platform.Api.Proposals;

/// <summary>
/// The council's decision on a proposal (officials of the city), and the author's withdrawal. Each
/// answers 200 with the proposal's new view, or a problem: 404 unknown proposal, 409 already decided or
/// withdrawn, 400 bad text, 403 not allowed.
/// </summary>
public static class ProposalDecisionEndpoints
{
    [WolverinePost("/api/cities/{city}/proposals/{id}/acceptance", OperationId = "acceptProposal")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Accept(Guid id, string city, AcceptProposal command, ClaimsPrincipal user, IDocumentSession session,
        ProposalReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, proposal => ProposalDecider.Accept(proposal, command, user.AccountId(), clock.GetUtcNow()));

    [WolverinePost("/api/cities/{city}/proposals/{id}/rejection", OperationId = "rejectProposal")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Reject(Guid id, string city, RejectProposal command, ClaimsPrincipal user, IDocumentSession session,
        ProposalReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, proposal => ProposalDecider.Reject(proposal, command, user.AccountId(), clock.GetUtcNow()));

    /// <summary>The author withdraws their proposal while the council has not decided it (403 for anyone else).</summary>
    [WolverinePost("/api/cities/{city}/proposals/{id}/withdrawal", OperationId = "withdrawProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> Withdraw(Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        ProposalReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, proposal => ProposalDecider.Withdraw(proposal, user.AccountId(), clock.GetUtcNow()));

    private static async Task<IResult> DecideAsync(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, ProposalReader reader,
        CancellationToken cancellation, Func<Proposal?, Decision> decide)
    {
        var stream = await session.Events.FetchForWriting<Proposal>(id, cancellation);
        var decision = decide(stream.Aggregate);
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (WriteConflicts.IsStreamConflict(e))
        {
            // Another decision, or the threshold being recorded, came first: the caller should look again.
            return Problems.Result([DomainError.Conflict("proposal-changed", "The proposal changed meanwhile; reload it and try again.")]);
        }
        return Results.Ok(await reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
    }
}
