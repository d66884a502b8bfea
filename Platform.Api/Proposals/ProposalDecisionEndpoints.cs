using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// The council's decision on a proposal (officials of the city), and the author's withdrawal, through
/// <see cref="ProposalHandler"/>. Each answers 200 with the proposal's new view, or a problem: 404 unknown proposal,
/// 409 already decided or withdrawn, 400 bad text, 403 not allowed.
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
    public static async Task<IResult> Accept(Guid id, string city, AcceptProposalRequest request, ClaimsPrincipal user, IDocumentSession session,
        IMessageBus bus, ProposalHandler handler, ProposalReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new AcceptProposal(id, user.AccountId(), request.Decision, request.CommitmentId, request.Commitment),
            session, bus, cancellation), id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/proposals/{id}/rejection", OperationId = "rejectProposal")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Reject(Guid id, string city, RejectProposalRequest request, ClaimsPrincipal user, IDocumentSession session,
        ProposalHandler handler, ProposalReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new RejectProposal(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>The author withdraws their proposal while the council has not decided it (403 for anyone else).</summary>
    [WolverinePost("/api/cities/{city}/proposals/{id}/withdrawal", OperationId = "withdrawProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Withdraw(Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        ProposalHandler handler, ProposalReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new WithdrawProposal(id, user.AccountId()), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>The refusal as a problem, or 200 with the proposal's new view.</summary>
    private static async Task<IResult> AnswerAsync(Written written, Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        ProposalReader reader, CancellationToken cancellation) =>
        await written.AnswerAsync(() => reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
}
