using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// What the council (officials), moderators and the author do with a concern, through <see cref="ConcernHandler"/>.
/// Each answers 200 with the concern's new view, or a problem: 404 unknown concern, 409 wrong state, 400 bad text,
/// 403 not allowed.
/// </summary>
public static class ConcernLifecycleEndpoints
{
    [WolverinePost("/api/cities/{city}/concerns/{id}/acknowledgement", OperationId = "acknowledgeConcern")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Acknowledge(Guid id, string city, AcknowledgeConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new AcknowledgeConcern(id, user.AccountId(), request.Department), session, cancellation),
            id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/concerns/{id}/answer", OperationId = "answerConcern")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Answer(Guid id, string city, AnswerConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new AnswerConcern(id, user.AccountId(), request.Answer), session, cancellation),
            id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/concerns/{id}/declination", OperationId = "declineConcern")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Decline(Guid id, string city, DeclineConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new DeclineConcern(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/concerns/{id}/resolution", OperationId = "resolveConcern")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Resolve(Guid id, string city, ResolveConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new ResolveConcern(id, user.AccountId(), request.Note), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>An official tags the concern with the groups it affects (the whole set, replacing the last; empty clears it).</summary>
    [WolverinePut("/api/cities/{city}/concerns/{id}/groups", OperationId = "tagConcernGroups")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> TagGroups(Guid id, string city, TagConcernGroupsRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new TagConcernGroups(id, user.AccountId(), request.Groups), session, cancellation),
            id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/concerns/{id}/hiding", OperationId = "hideConcern")]
    [Authorize(Policy = Policies.Moderator)]
    public static async Task<IResult> Hide(Guid id, string city, ModerateConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new HideConcern(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>
    /// A moderator removes the concern's text (a privacy breach, a threat): the redaction and its reason are in the
    /// concern's history, and the text is masked in the event store itself. A repeat answers 409 and masks again, so a
    /// redaction interrupted between its event and its masking completes (see <see cref="ConcernHandler"/>).
    /// </summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/redaction", OperationId = "redactConcern")]
    [Authorize(Policy = Policies.Moderator)]
    public static async Task<IResult> Redact(Guid id, string city, ModerateConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new RedactConcern(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/concerns/{id}/restoration", OperationId = "restoreConcern")]
    [Authorize(Policy = Policies.Moderator)]
    public static async Task<IResult> Restore(Guid id, string city, ModerateConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new RestoreConcern(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>The author withdraws their concern (also an anonymous one).</summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/withdrawal", OperationId = "withdrawConcern")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Withdraw(Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new WithdrawConcern(id, user.AccountId()), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>The refusal as a problem, or 200 with the concern's new view.</summary>
    internal static async Task<IResult> AnswerAsync(Written written, Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, CancellationToken cancellation) =>
        await written.AnswerAsync(() => reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
}
