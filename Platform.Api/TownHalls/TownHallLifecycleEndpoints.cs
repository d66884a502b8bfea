using Platform.Domain.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// Officials run the town hall: open it, open polls one at a time, close them, close the town hall with
/// minutes and commitments (<see cref="TownHallHandler"/>); each answers the town hall as it is now, or the problem.
/// </summary>
public static class TownHallLifecycleEndpoints
{
    [WolverinePost("/api/cities/{city}/town-halls/{id}/open", OperationId = "openTownHall")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Open(Guid id, string city, ClaimsPrincipal user, TownHallHandler handler, IDocumentSession session,
        TownHallReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new OpenTownHall(id, user.AccountId()), session, cancellation), id, city, session, reader, cancellation);

    /// <summary>Opens a poll (question, 2-10 options): 201 with the poll, whose <c>id</c> residents vote on; 409 <c>poll-already-open</c> while another is open.</summary>
    [WolverinePost("/api/cities/{city}/town-halls/{id}/polls", OperationId = "openTownHallPoll")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> OpenPoll(Guid id, string city, OpenPollRequest body, ClaimsPrincipal user, TownHallHandler handler,
        IDocumentSession session, TownHallReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(body.Command(id, Guid.CreateVersion7(), user.AccountId()), session, cancellation), id, city, session, reader,
            cancellation, details => Results.Created($"/api/cities/{city}/town-halls/{id}", details.CurrentPoll));

    [WolverinePost("/api/cities/{city}/town-halls/{id}/polls/{pollId}/close", OperationId = "closeTownHallPoll")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> ClosePoll(Guid id, Guid pollId, string city, ClaimsPrincipal user, TownHallHandler handler,
        IDocumentSession session, TownHallReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new ClosePoll(id, pollId, user.AccountId()), session, cancellation), id, city, session, reader, cancellation);

    /// <summary>Closes the town hall with its minutes and commitments; a poll still open closes with it.</summary>
    [WolverinePost("/api/cities/{city}/town-halls/{id}/close", OperationId = "closeTownHall")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Close(Guid id, string city, CloseTownHallRequest body, ClaimsPrincipal user, TownHallHandler handler,
        IDocumentSession session, TownHallReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(body.Command(id, user.AccountId()), session, cancellation), id, city, session, reader, cancellation);

    /// <summary>The problem of a refused write, or the town hall as it is now (200, or what <paramref name="respond"/> makes of it).</summary>
    private static async Task<IResult> AnswerAsync(Written written, Guid id, string city, IQuerySession session, TownHallReader reader,
        CancellationToken cancellation, Func<TownHallDetails, IResult>? respond = null)
    {
        if (written.IsRefused) return written.Problem;
        var details = await reader.FindAsync(session, city, id, cancellation);
        return details is not null && respond is not null ? respond(details) : Results.Ok(details);
    }
}

/// <summary>A poll to open, as a caller sends it: a question and 2 to 10 options.</summary>
public sealed record OpenPollRequest(string? Question, IReadOnlyList<string?>? Options)
{
    public OpenPoll Command(Guid townHallId, Guid pollId, Guid officialId) => new(townHallId, pollId, officialId, Question, Options);
}

/// <summary>The closing of a town hall, as a caller sends it: its minutes and the ids of the commitments made there.</summary>
public sealed record CloseTownHallRequest(string? Minutes, IReadOnlyList<Guid>? CommitmentIds)
{
    public CloseTownHall Command(Guid townHallId, Guid officialId) => new(townHallId, officialId, Minutes, CommitmentIds);
}
