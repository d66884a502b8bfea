using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;
using Wolverine.Http;

namespace Platform.Api.Proposals;

/// <summary>
/// Residents support proposals, and take their support back, exactly as for concerns: each resident's
/// support of a proposal is its own tiny stream (<see cref="PersonalStream"/>), counted by the shared
/// support tally, so a popular proposal's stream is never a point of contention. The support that crosses
/// the threshold records it in its own transaction (<see cref="ProposalThreshold"/>).
/// </summary>
public static class SupportProposalEndpoint
{
    private static readonly DomainError SupportChanged = DomainError.Conflict("support-changed", "The support changed meanwhile.");

    /// <summary>
    /// Supports the proposal as the calling resident. Always 200: <c>changed</c> is false when the
    /// resident already supported it (also when two requests race), so retries are harmless.
    /// </summary>
    [WolverinePost("/api/cities/{city}/proposals/{id}/supports", OperationId = "supportProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, string city, ClaimsPrincipal user, CityDirectory cities, IDocumentSession session,
        ProposalThreshold threshold, TimeProvider clock, CancellationToken cancellation)
    {
        if (await CityAccess.SupportRefusalAsync(user, city, cities, cancellation) is { } refused) return refused;
        var residentId = user.ParticipantId();
        var proposal = await session.LoadAsync<Proposal>(id, cancellation);

        // A resident's first support starts their support stream straight away; a repeat (or a support
        // given again after a withdrawal) is refused by the primary key and decided from the stream below.
        var first = ProposalDecider.Decide(new SupportProposal(id, residentId), proposal, null, clock.GetUtcNow());
        if (first.IsRefused) return Problems.Result(first.Errors);
        await using (var attempt = session.DocumentStore.LightweightSession(city))
        {
            attempt.Events.StartStream<ResidentSupport>(PersonalStream.Id(id, residentId), first.Events);
            await threshold.RecordWithSupportAsync(attempt, city, proposal, cancellation);
            // Refused when a support stream exists already (a repeat), or the council decided meanwhile: then decide from what is stored.
            if (await StreamWrite.CommitAsync(attempt, SupportChanged, cancellation) is null)
                return Results.Ok(new ProposalSupportState(id, Supported: true, Changed: true));
        }
        return await DecideAndAppend(id, city, residentId, session, threshold, cancellation, supported: true,
            (current, support) => ProposalDecider.Decide(new SupportProposal(id, residentId), current, support, clock.GetUtcNow()));
    }

    /// <summary>Withdraws the calling resident's support. Always 200; <c>changed</c> is false when there was none.</summary>
    [WolverineDelete("/api/cities/{city}/proposals/{id}/supports", OperationId = "withdrawProposalSupport")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> Delete(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        DecideAndAppend(id, city, user.ParticipantId(), session, threshold: null, cancellation, supported: false,
            (proposal, support) => ProposalDecider.Decide(new WithdrawProposalSupport(id, user.ParticipantId()), proposal, support, clock.GetUtcNow()));

    private static async Task<IResult> DecideAndAppend(Guid proposalId, string city, Guid residentId, IDocumentSession session, ProposalThreshold? threshold,
        CancellationToken cancellation, bool supported, Func<Proposal?, ResidentSupport?, Decision> decide)
    {
        var proposal = await session.LoadAsync<Proposal>(proposalId, cancellation);
        var stream = await session.Events.FetchForWriting<ResidentSupport>(PersonalStream.Id(proposalId, residentId), cancellation);
        var decision = decide(proposal, stream.Aggregate);
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        if (decision.Events.Count == 0) return Results.Ok(new ProposalSupportState(proposalId, supported, Changed: false));

        stream.AppendMany(decision.Events);
        if (supported && threshold is not null) await threshold.RecordWithSupportAsync(session, city, proposal, cancellation);
        // Refused when the same resident's other request won the race: its write is the one that counts.
        var lost = await StreamWrite.CommitAsync(session, SupportChanged, cancellation);
        return Results.Ok(new ProposalSupportState(proposalId, supported, Changed: lost is null));
    }
}

/// <summary>The caller's support of a proposal after the request.</summary>
/// <param name="Changed">False when the request changed nothing (a repeat).</param>
public sealed record ProposalSupportState(Guid ProposalId, bool Supported, bool Changed);
