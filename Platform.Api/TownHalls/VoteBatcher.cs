using Platform.Domain;
using Marten;
using Platform.Api.Infrastructure;
using Platform.Api.Live;
using Platform.Domain.Concerns;
using Platform.Domain.TownHalls;
using Platform.Projections.Live;
using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// Group commit (see <see cref="GroupCommit{TWrite}"/>) of town-hall votes: one transaction writes one vote stream
/// per resident, each poll's state checked once by <see cref="PollGate"/>, the tally updated by its inline projection
/// with one row per option. A vote refused by the stream's key (the resident voted already) or by the gate (the poll
/// closed meanwhile) is handed back to the endpoint, whose own write then answers why. Each batch is one tracked write
/// of <see cref="LocalViewWrites"/>, so watchers see its votes as soon as it is safe to.
/// </summary>
public sealed class VoteBatcher(IDocumentStore store, PlatformOptions platform, LocalViewWrites viewWrites, ILogger<VoteBatcher> logger)
    : GroupCommit<VoteBatcher.PendingVote>(platform.Votes, logger)
{
    /// <summary>Writes the vote decided for the resident; answers its event sequence, or null when the endpoint must write it itself.</summary>
    public Task<long?> VoteAsync(string tenant, Guid townHallId, Guid pollId, Guid residentId, IReadOnlyList<object> events, CancellationToken cancellation) =>
        SubmitAsync(new PendingVote(tenant, townHallId, pollId, residentId, events), cancellation);

    protected override async Task<IReadOnlyList<long>> WriteBatchAsync(string tenant, IReadOnlyList<PendingVote> votes)
    {
        await using var session = store.LightweightSession(tenant);
        var streams = votes.Select(v => session.Events.StartStream<ResidentVote>(v.StreamId, v.Events)).ToList();
        foreach (var (townHall, poll) in votes.Select(v => (v.TownHallId, v.PollId)).Distinct())
            session.QueueSqlCommand(PollGate.GuardSql(platform.Schema), tenant, townHall, poll);
        using var write = viewWrites.Begin();
        await session.SaveChangesAsync(CancellationToken.None);
        var sequences = streams.Select(s => s.Events[^1].Sequence).ToList();
        foreach (var townHall in votes.Select((v, i) => (v.TownHallId, Sequence: sequences[i])).GroupBy(v => v.TownHallId))
            write.Committed(new ViewChange(TownHallLiveRoute.View, tenant, townHall.Key, townHall.Max(v => v.Sequence)));
        return sequences;
    }

    protected override bool SplitsOn(Exception exception) => WriteConflicts.IsStreamConflict(exception) || PollGate.Refused(exception);

    public sealed class PendingVote(string tenant, Guid townHallId, Guid pollId, Guid residentId, IReadOnlyList<object> events)
        : Write(tenant, PersonalStream.Id(pollId, residentId))
    {
        public Guid TownHallId { get; } = townHallId;
        public Guid PollId { get; } = pollId;
        public IReadOnlyList<object> Events { get; } = events;
    }
}
