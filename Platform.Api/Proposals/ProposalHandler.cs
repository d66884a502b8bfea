using Platform.Api.Commitments;
using Platform.Domain.Commitments;
using Platform.Domain.Proposals;
using Wolverine.Attributes;

namespace Platform.Api.Proposals;

/// <summary>
/// The proposal feature's writes, for both faces: each command is decided on its proposal's stream in the session's
/// city (its tenant) through <see cref="StreamWrite"/>, with the city's settings added to the command first. Supports
/// have their own writer (<see cref="SupportProposalEndpoint"/>), which records the threshold with <see cref="ProposalThreshold"/>.
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class ProposalHandler(CityDirectory cities, CommitmentHandler commitments, TimeProvider clock)
{
    /// <summary>Another decision, or the threshold being recorded, came first: the caller should look again.</summary>
    public static readonly DomainError ProposalChanged = DomainError.Conflict("proposal-changed", "The proposal changed meanwhile; reload it and try again.");

    /// <summary>Starts the proposal's stream with the city's support threshold of today.</summary>
    public async Task<Written> Handle(SubmitProposal command, IDocumentSession session, CancellationToken cancellation)
    {
        if (await cities.FindAsync(session.TenantId, cancellation) is not { } city) return new Written([DomainError.NotFound("city")], null);
        return await DecideAsync(command with { SupportThreshold = city.Settings.ProposalSupportThreshold }, command.ProposalId, ProposalDecider.Decide,
            session, cancellation);
    }

    /// <summary>
    /// Accepts the proposal into a commitment, in one transaction: an existing one (<c>CommitmentId</c>, which gains the
    /// proposal as an origin) or a new one published from <c>Commitment</c> (the proposal among its origins). A city
    /// without that commitment is a 404 naming <c>commitmentId</c>; errors of the new commitment name their field under
    /// <c>commitment.</c>. <paramref name="bus"/> is the message context the session is enlisted in (the new commitment's
    /// due check is scheduled through it, stored in the same transaction).
    /// </summary>
    public Task<Written> Handle(AcceptProposal command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation)
    {
        var newCommitment = command.Commitment is not null && command.CommitmentId is null ? Guid.CreateVersion7() : (Guid?)null;
        var decided = command with { CommitmentId = command.CommitmentId ?? newCommitment, Commitment = newCommitment is null ? command.Commitment : null };
        return StreamWrite.DecideAsync<Proposal>(session, command.ProposalId, proposal => ProposalDecider.Decide(decided, proposal, clock.GetUtcNow()),
            ProposalChanged, _ => CommitmentAsync(command, newCommitment, session, bus, cancellation), cancellation);
    }

    public Task<Written> Handle(RejectProposal command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ProposalId, ProposalDecider.Decide, session, cancellation);

    public Task<Written> Handle(WithdrawProposal command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ProposalId, ProposalDecider.Decide, session, cancellation);

    /// <summary>The commitment side of an acceptance: publish the new one, or link the existing one to the proposal.</summary>
    private async Task<IReadOnlyList<DomainError>> CommitmentAsync(AcceptProposal command, Guid? newCommitment, IDocumentSession session,
        IMessageBus bus, CancellationToken cancellation)
    {
        var origin = new CommitmentOrigin(OriginKind.Proposal, command.ProposalId);
        if (newCommitment is { } commitmentId)
        {
            var input = command.Commitment!;
            var published = await commitments.PublishWithinAsync(new PublishCommitment(commitmentId, command.OfficialId,
                input with { Origins = [.. input.Origins ?? [], new OriginInput(OriginKind.Proposal, command.ProposalId)] }), session, bus, cancellation);
            return published.IsRefused ? published.Errors.Select(e => e with { Field = e.Field is null ? "commitment" : $"commitment.{e.Field}" }).ToList() : [];
        }
        if (command.CommitmentId is not { } existing) return [];
        var commitment = await session.LoadAsync<Commitment>(existing, cancellation);
        if (commitment is null) return [new DomainError(ErrorKind.NotFound, "commitment-not-found", $"The city has no commitment {existing}.", "commitmentId")];
        var linked = CommitmentDecider.Decide(new LinkCommitmentOrigin(existing, command.OfficialId, origin), commitment, clock.GetUtcNow());
        if (linked.IsRefused) return linked.Errors.Select(e => e with { Field = "commitmentId" }).ToList();
        foreach (var e in linked.Events) session.Events.Append(existing, e);
        return [];
    }

    private Task<Written> DecideAsync<TCommand>(TCommand command, Guid proposalId, Func<TCommand, Proposal?, DateTimeOffset, Decision> decide,
        IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<Proposal>(session, proposalId, proposal => decide(command, proposal, clock.GetUtcNow()), ProposalChanged, cancellation);
}
