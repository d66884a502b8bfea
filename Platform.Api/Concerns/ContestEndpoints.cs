using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// Residents contest the council's answer or resolution and escalate a concern to the city's independent body, who
/// records its finding (docs/concerns.md, "Contest and escalate"). Writes answer 200 with the concern's new view, or a
/// problem: 404 unknown concern, 400 bad text, 403 not a member of the city or neither author nor supporter, 422 outside the rules.
/// </summary>
public static class ContestEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The author, or a supporter, contests the answer or resolution; the author's contest (or enough supporters') reopens the concern.</summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/contests", OperationId = "contestConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Contest(Guid id, string city, ContestConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await ConcernLifecycleEndpoints.AnswerAsync(await handler.Handle(new ContestConcern(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>The author, or a supporter, takes a concern whose deadline passed twice, or that was reopened twice, to the independent body.</summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/escalation", OperationId = "escalateConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Escalate(Guid id, string city, ContestConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await ConcernLifecycleEndpoints.AnswerAsync(await handler.Handle(new EscalateConcern(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>A member of the city's independent body records its finding on an escalated concern.</summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/finding", OperationId = "recordEscalationFinding")]
    [Authorize(Policy = Policies.IndependentBody)]
    public static async Task<IResult> RecordFinding(Guid id, string city, EscalationFindingRequest request, ClaimsPrincipal user, IDocumentSession session,
        ConcernHandler handler, ConcernReader reader, CancellationToken cancellation) =>
        await ConcernLifecycleEndpoints.AnswerAsync(
            await handler.Handle(new RecordEscalationFinding(id, user.AccountId(), request.Finding, request.Outcome), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>The independent body's queue: the city's escalated concerns, awaiting a finding first (<c>page</c> from 1, <c>pageSize</c> up to 100).</summary>
    [WolverineGet("/api/cities/{city}/escalations", OperationId = "listEscalations")]
    [Authorize(Policy = Policies.IndependentBody)]
    public static async Task<IResult> List(string city, int? page, int? pageSize, IQuerySession session, ConcernReader reader, CancellationToken cancellation)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var errors = new List<DomainError>();
        Paging.Check(number, size, MaxPageSize, errors);
        if (errors.Count > 0) return Problems.Result(errors);
        return Results.Ok(await reader.EscalationsAsync(session, city, number, size, cancellation));
    }
}
