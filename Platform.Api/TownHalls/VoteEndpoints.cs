using Platform.Domain;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Api.Live;
using Platform.Domain.Concerns;
using Platform.Domain.TownHalls;
using Platform.Projections.Live;
using Platform.Projections.TownHalls;
using Wolverine.Http;

namespace Platform.Api.TownHalls;

/// <summary>
/// Attendees vote in the open poll. Each resident's vote is its own stream, its id derived from poll
/// and resident (<see cref="PersonalStream"/>): a burst of votes never contends on the town hall's stream,
/// and the second of two votes by one resident is stopped by the stream's primary key. Votes arriving together
/// share a transaction (<see cref="VoteBatcher"/>); the tally is counted in it (<see cref="Projections.TownHalls.VoteTallyProjection"/>).
/// </summary>
public static class VoteEndpoints
{
    /// <summary>
    /// Votes for the option at index <c>option</c> (from 0): 201; 409 <c>already-voted</c> for a second vote
    /// (also when two race), 409 <c>poll-closed</c> once the poll closed, 400 naming <c>option</c> for an unknown option.
    /// </summary>
    [WolverinePost("/api/cities/{city}/town-halls/{id}/polls/{pollId}/votes", OperationId = "voteInTownHallPoll")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, Guid pollId, string city, VoteBody body, ClaimsPrincipal user, CityDirectory cities,
        IDocumentSession session, VotingTownHalls townHalls, VoteBatcher batcher, LocalViewWrites viewWrites, PlatformOptions platform,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (await CityAccess.SupportRefusalAsync(user, city, cities, cancellation) is { } refused) return refused;
        var command = new CastVote(id, pollId, user.ParticipantId(), body.Option);

        // No read of the resident's vote stream first: almost every vote is a first one, and a repeat is
        // refused by the stream's primary key just the same, in one round trip fewer. The town hall comes from a
        // one-second cache (see VotingTownHalls); a refusal is decided again on the committed town hall.
        var decision = TownHallDecider.Decide(command, await townHalls.LoadAsync(session, id, cancellation), null, clock.GetUtcNow());
        if (decision.IsRefused)
            decision = TownHallDecider.Decide(command, await session.LoadAsync<TownHall>(id, cancellation), null, clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        var cast = (TownHallVoteCast)decision.Events[0];

        // Votes share transactions with the votes arriving at the same time (group commit, see VoteBatcher). A vote the
        // batch could not write (a repeat, a poll closed meanwhile) is written here, alone, and the refusal says why.
        if (await batcher.VoteAsync(session.TenantId, id, pollId, command.ResidentId, decision.Events, cancellation) is { } sequence)
            return Voted(city, cast, sequence);

        var vote = session.Events.StartStream<ResidentVote>(PersonalStream.Id(pollId, command.ResidentId), decision.Events);
        // The decision above used the state read at the start of the request; the guard re-checks the
        // committed state inside this transaction, under the poll's shared lock (see PollGate).
        session.QueueSqlCommand(PollGate.GuardSql(platform.Schema), city, id, pollId);
        // Watchers see the vote as soon as it is safe to (LocalViewWrites), not only when the event daemon finds it.
        using (var write = viewWrites.Begin())
        {
            try
            {
                // Refused when the resident's vote stream exists already (a repeat, or two votes racing).
                if (await StreamWrite.CommitAsync(session, TownHallDecider.AlreadyVoted, cancellation) is { } lost) return lost.Problem;
            }
            catch (Exception e) when (PollGate.Refused(e))
            {
                return Problems.Result([TownHallDecider.PollClosed]);
            }
            write.Committed(new ViewChange(TownHallLiveRoute.View, session.TenantId, id, vote.Events[^1].Sequence));
        }
        return Voted(city, cast, vote.Events[^1].Sequence);
    }

    private static IResult Voted(string city, TownHallVoteCast cast, long sequence) =>
        Results.Created($"/api/cities/{city}/town-halls/{cast.TownHallId}/polls/{cast.PollId}/votes/mine",
            new MyVote(cast.TownHallId, cast.PollId, cast.Option, cast.CastAt) { Version = sequence });

    /// <summary>The calling resident's vote in the poll (404 when they have not voted).</summary>
    [WolverineGet("/api/cities/{city}/town-halls/{id}/polls/{pollId}/votes/mine", OperationId = "getMyTownHallVote")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Get(Guid id, Guid pollId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var vote = await session.Events.AggregateStreamAsync<ResidentVote>(PersonalStream.Id(pollId, user.ParticipantId()), token: cancellation);
        return vote is null || vote.TownHallId != id ? Problems.NotFound("vote") : Results.Ok(new MyVote(id, pollId, vote.Option, vote.CastAt));
    }
}

/// <summary>A vote: the index (from 0) of the option chosen.</summary>
public sealed record VoteBody(int? Option);

/// <summary>The caller's vote in a poll.</summary>
public sealed record MyVote(Guid TownHallId, Guid PollId, int Option, DateTimeOffset CastAt)
{
    /// <summary>
    /// On the answer to a vote: the event sequence that recorded it. A town-hall view (or live push) with a
    /// version at least this high includes the vote.
    /// </summary>
    public long? Version { get; init; }
}
