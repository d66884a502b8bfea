using Platform.Domain.Commitments;

namespace Platform.Api.Commitments;

/// <summary>A milestone as a caller plans it.</summary>
public sealed record PlanMilestoneRequest(string? Title, DateOnly? DueDate);

/// <summary>A progress report as a caller sends it.</summary>
public sealed record ReportProgressRequest(int? Percent, string? Note, string? EvidenceUrl);

/// <summary>A new deadline as a caller sends it (the reason is required).</summary>
public sealed record ChangeDeadlineRequest(DateOnly? DueDate, string? Reason);

/// <summary>A fulfilment as a caller sends it (the evidence link is required).</summary>
public sealed record FulfilCommitmentRequest(string? EvidenceUrl, string? Note);

/// <summary>An abandonment as a caller sends it.</summary>
public sealed record AbandonCommitmentRequest(string? Reason);

/// <summary>
/// What officials of the city do with a published commitment, through <see cref="CommitmentHandler"/>. Each answers
/// 200 with the commitment's new view, or a problem: 404 unknown commitment, 409 when it is fulfilled or abandoned,
/// 400 naming the field.
/// </summary>
public static class CommitmentLifecycleEndpoints
{
    [WolverinePost("/api/cities/{city}/commitments/{id}/milestones", OperationId = "planCommitmentMilestone")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> PlanMilestone(Guid id, string city, PlanMilestoneRequest body, ClaimsPrincipal user, CommitmentHandler handler,
        IDocumentSession session, CommitmentReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new PlanMilestone(id, Guid.CreateVersion7(), user.AccountId(), body.Title, body.DueDate), session, cancellation),
            id, city, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/commitments/{id}/progress", OperationId = "reportCommitmentProgress")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> ReportProgress(Guid id, string city, ReportProgressRequest body, ClaimsPrincipal user, CommitmentHandler handler,
        IDocumentSession session, CommitmentReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new ReportProgress(id, user.AccountId(), body.Percent, body.Note, body.EvidenceUrl), session, cancellation),
            id, city, session, reader, cancellation);

    /// <summary>Moves the due date (a reason is required and kept in the history) and schedules the overdue check for the new date; the old check goes stale.</summary>
    [WolverinePost("/api/cities/{city}/commitments/{id}/deadline", OperationId = "changeCommitmentDeadline")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> ChangeDeadline(Guid id, string city, ChangeDeadlineRequest body, ClaimsPrincipal user, CommitmentHandler handler,
        IDocumentSession session, IMessageBus bus, CommitmentReader reader, CancellationToken cancellation) =>
        // The session was opened by Wolverine for this request and is enlisted in its outbox: the check is scheduled in its transaction.
        await AnswerAsync(await handler.Handle(new ChangeDeadline(id, user.AccountId(), body.DueDate, body.Reason), session, bus, cancellation),
            id, city, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/commitments/{id}/fulfilment", OperationId = "fulfilCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Fulfil(Guid id, string city, FulfilCommitmentRequest body, ClaimsPrincipal user, CommitmentHandler handler,
        IDocumentSession session, CommitmentReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new FulfilCommitment(id, user.AccountId(), body.EvidenceUrl, body.Note), session, cancellation),
            id, city, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/commitments/{id}/abandonment", OperationId = "abandonCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Abandon(Guid id, string city, AbandonCommitmentRequest body, ClaimsPrincipal user, CommitmentHandler handler,
        IDocumentSession session, CommitmentReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new AbandonCommitment(id, user.AccountId(), body.Reason), session, cancellation),
            id, city, session, reader, cancellation);

    /// <summary>The one answer of the lifecycle: the refusal as a problem, or 200 with the commitment's new view.</summary>
    private static async Task<IResult> AnswerAsync(Written written, Guid id, string city, IQuerySession session, CommitmentReader reader, CancellationToken cancellation) =>
        await written.AnswerAsync(() => reader.LoadAsync(session, city, id, cancellation));
}
