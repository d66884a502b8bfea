using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Api.Live;
using Platform.Domain;
using Platform.Domain.TownHalls;
using Platform.Projections.Live;
using Platform.Projections.TownHalls;
using Wolverine.Http;

namespace Platform.Api.TownHalls;

/// <summary>
/// Officials run the town hall: open it, open polls one at a time, close them, close the town hall with
/// minutes and commitments. Each write goes through the town hall's stream with a version check, so two
/// officials opening a poll at once cannot both succeed: the loser gets 409.
/// </summary>
public static class TownHallLifecycleEndpoints
{
    [WolverinePost("/api/cities/{city}/town-halls/{id}/open", OperationId = "openTownHall")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Open(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, TownHallReader reader,
        LocalViewWrites viewWrites, TimeProvider clock, CancellationToken cancellation) =>
        Write(id, city, session, reader, viewWrites, cancellation, "town-hall-already-open",
            townHall => TownHallDecider.Decide(new OpenTownHall(id), townHall, user.AccountId(), clock.GetUtcNow()));

    /// <summary>Opens a poll (question, 2-10 options): 201 with the poll, whose <c>id</c> residents vote on; 409 <c>poll-already-open</c> while another is open.</summary>
    [WolverinePost("/api/cities/{city}/town-halls/{id}/polls", OperationId = "openTownHallPoll")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> OpenPoll(Guid id, string city, OpenPoll command, ClaimsPrincipal user, IDocumentSession session,
        TownHallReader reader, LocalViewWrites viewWrites, TimeProvider clock, CancellationToken cancellation)
    {
        var pollId = Guid.CreateVersion7();
        var result = await Write(id, city, session, reader, viewWrites, cancellation, "poll-already-open",
            townHall => TownHallDecider.Decide(command, townHall, pollId, user.AccountId(), clock.GetUtcNow()));
        if (result is not IValueHttpResult { Value: TownHallDetails details }) return result;
        return Results.Created($"/api/cities/{city}/town-halls/{id}", details.CurrentPoll);
    }

    [WolverinePost("/api/cities/{city}/town-halls/{id}/polls/{pollId}/close", OperationId = "closeTownHallPoll")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> ClosePoll(Guid id, Guid pollId, string city, ClaimsPrincipal user, IDocumentSession session,
        TownHallReader reader, LocalViewWrites viewWrites, TimeProvider clock, CancellationToken cancellation) =>
        Write(id, city, session, reader, viewWrites, cancellation, "poll-closed",
            townHall => TownHallDecider.Decide(new ClosePoll(pollId), townHall, user.AccountId(), clock.GetUtcNow()));

    /// <summary>Closes the town hall with its minutes and commitments; a poll still open closes with it.</summary>
    [WolverinePost("/api/cities/{city}/town-halls/{id}/close", OperationId = "closeTownHall")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Close(Guid id, string city, CloseTownHall command, ClaimsPrincipal user, IDocumentSession session,
        TownHallReader reader, LocalViewWrites viewWrites, TimeProvider clock, CancellationToken cancellation) =>
        Write(id, city, session, reader, viewWrites, cancellation, "town-hall-closed",
            townHall => TownHallDecider.Decide(command, townHall, user.AccountId(), clock.GetUtcNow()));

    private static async Task<IResult> Write(Guid id, string city, IDocumentSession session, TownHallReader reader,
        LocalViewWrites viewWrites, CancellationToken cancellation, string conflictCode, Func<TownHall?, Decision> decide)
    {
        // Tracked from before any sequence is handed out, so votes committed meanwhile wait for it (LocalViewWrites).
        using (var write = viewWrites.Begin())
        {
            var written = await StreamWrite.DecideAsync(session, id, decide,
                DomainError.Conflict(conflictCode, "Another official changed this town hall at the same moment; reload it and try again."),
                cancellation, events => LockClosingPollsAsync(session, events, cancellation));
            if (written.IsRefused) return written.Problem;
            if (written.Sequence is { } sequence) write.Committed(new ViewChange(TownHallLiveRoute.View, session.TenantId, id, sequence));
        }
        return Results.Ok(await reader.FindAsync(session, city, id, cancellation));
    }

    /// <summary>
    /// A poll closes under its exclusive lock, taken in the write's transaction <b>before</b> the events get
    /// their sequences: votes still committing finish first (with lower sequences), later ones wait and
    /// then see the poll closed (see <see cref="PollGate"/>).
    /// </summary>
    private static async Task LockClosingPollsAsync(IDocumentSession session, IReadOnlyList<object> events, CancellationToken cancellation)
    {
        var polls = events.OfType<TownHallPollClosed>().Select(e => e.PollId).ToArray();
        if (polls.Length == 0) return;
        await session.BeginTransactionAsync(cancellation);
        foreach (var poll in polls)
        {
            await using var command = session.Connection!.CreateCommand();
            command.CommandText = PollGate.CloseLockSql;
            command.Parameters.AddWithValue("poll", poll);
            await command.ExecuteNonQueryAsync(cancellation);
        }
    }
}
