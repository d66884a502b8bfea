using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Proposals;
using Platform.Domain.Commitments;
using Platform.Api.Commitments;
using Platform.Api.Cities;
using Wolverine;
using Wolverine.Http;

namespace Platform.Api.Proposals;

/// <summary>
/// The council's decision on a proposal (officials of the city), and the author's withdrawal. Each
/// answers 200 with the proposal's new view, or a problem: 404 unknown proposal, 409 already decided or
/// withdrawn, 400 bad text, 403 not allowed.
/// </summary>
public static class ProposalDecisionEndpoints
{
    /// <summary>
    /// Accepts the proposal into a commitment, in one transaction: an existing one (<c>commitmentId</c>, which
    /// gains the proposal as an origin) or a new one published from <c>commitment</c> (the proposal is among its
    /// origins). 404 naming <c>commitmentId</c> when the city has no such commitment; errors of the inline
    /// commitment name their field under <c>commitment.</c>.
    /// </summary>
    [WolverinePost("/api/cities/{city}/proposals/{id}/acceptance", OperationId = "acceptProposal")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Accept(Guid id, string city, AcceptProposal command, ClaimsPrincipal user, IDocumentSession session,
        IMessageBus bus, CityDirectory cities, ProposalReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Proposal>(id, cancellation);
        var now = clock.GetUtcNow();
        var officialId = user.AccountId();
        var newCommitment = command.Commitment is not null && command.CommitmentId is null ? Guid.CreateVersion7() : (Guid?)null;
        var decision = ProposalDecider.Accept(stream.Aggregate, command with { CommitmentId = command.CommitmentId ?? newCommitment, Commitment = newCommitment is null ? command.Commitment : null }, officialId, now);
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        var origin = new CommitmentOrigin(OriginKind.Proposal, id);
        if (newCommitment is { } commitmentId)
        {
            var input = command.Commitment!;
            var published = await CommitmentPublisher.PublishAsync(
                input with { Origins = [.. input.Origins ?? [], new OriginInput(OriginKind.Proposal, id)] },
                commitmentId, city, officialId, session, bus, cities, clock, cancellation);
            if (published.IsRefused) return Problems.Result(published.Errors.Select(e => e with { Field = e.Field is null ? "commitment" : $"commitment.{e.Field}" }).ToList());
        }
        else if (command.CommitmentId is { } existing)
        {
            var commitment = await session.LoadAsync<Commitment>(existing, cancellation);
            if (commitment is null)
                return Problems.Result([new DomainError(ErrorKind.NotFound, "commitment-not-found", $"The city has no commitment {existing}.", "commitmentId")]);
            var linked = CommitmentDecider.Decide(new LinkCommitmentOrigin(existing, officialId, origin), commitment, now);
            if (linked.IsRefused) return Problems.Result(linked.Errors.Select(e => e with { Field = "commitmentId" }).ToList());
            foreach (var e in linked.Events) session.Events.Append(existing, e);
        }
        stream.AppendMany(decision.Events);
        return await SaveAsync(id, city, user, session, reader, cancellation);
    }

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

    /// <summary>Another decision, or the threshold being recorded, came first: the caller should look again.</summary>
    private static readonly DomainError ProposalChanged = DomainError.Conflict("proposal-changed", "The proposal changed meanwhile; reload it and try again.");

    private static async Task<IResult> DecideAsync(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, ProposalReader reader,
        CancellationToken cancellation, Func<Proposal?, Decision> decide)
    {
        var written = await StreamWrite.DecideAsync(session, id, decide, ProposalChanged, cancellation);
        return written.IsRefused ? written.Problem : Results.Ok(await reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
    }

    private static async Task<IResult> SaveAsync(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, ProposalReader reader, CancellationToken cancellation) =>
        await StreamWrite.CommitAsync(session, ProposalChanged, cancellation) is { } lost
            ? lost.Problem
            : Results.Ok(await reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
}
