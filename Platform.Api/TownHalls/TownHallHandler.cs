using Platform.Domain.TownHalls;
using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// The town hall's writes, for both faces: schedule it, open it, open and close its polls, close it. Each goes through
/// the town hall's stream with a version check, so two officials opening a poll at once cannot both succeed: the
/// loser is refused with a conflict. (Votes have their own path, <see cref="VoteEndpoints"/>.)
/// </summary>
public sealed class TownHallHandler(LocalViewWrites viewWrites, TimeProvider clock)
{
    private static readonly DomainError Exists = DomainError.Conflict("town-hall-exists", "This town hall is scheduled already.");

    public Task<Written> Handle(ScheduleTownHall command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<TownHall>(session, command.TownHallId, state => TownHallDecider.Decide(command, state, clock.GetUtcNow()), Exists, cancellation);

    public Task<Written> Handle(OpenTownHall command, IDocumentSession session, CancellationToken cancellation) =>
        WriteAsync(session, command.TownHallId, "town-hall-already-open", state => TownHallDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(OpenPoll command, IDocumentSession session, CancellationToken cancellation) =>
        WriteAsync(session, command.TownHallId, "poll-already-open", state => TownHallDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(ClosePoll command, IDocumentSession session, CancellationToken cancellation) =>
        WriteAsync(session, command.TownHallId, "poll-closed", state => TownHallDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    /// <summary>Closes the town hall with its minutes and commitments; a poll still open closes with it.</summary>
    public Task<Written> Handle(CloseTownHall command, IDocumentSession session, CancellationToken cancellation) =>
        WriteAsync(session, command.TownHallId, "town-hall-closed", state => TownHallDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    private async Task<Written> WriteAsync(IDocumentSession session, Guid id, string conflictCode, Func<TownHall?, Decision> decide, CancellationToken cancellation)
    {
        // Tracked from before any sequence is handed out, so votes committed meanwhile wait for it (LocalViewWrites).
        using var write = viewWrites.Begin();
        var written = await StreamWrite.DecideAsync(session, id, decide,
            DomainError.Conflict(conflictCode, "Another official changed this town hall at the same moment; reload it and try again."),
            cancellation, events => LockClosingPollsAsync(session, events, cancellation));
        if (written.Sequence is { } sequence) write.Committed(new ViewChange(TownHallLiveRoute.View, session.TenantId, id, sequence));
        return written;
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
