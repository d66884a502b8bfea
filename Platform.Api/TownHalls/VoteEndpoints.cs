using Platform.Api.Participation;
using Platform.Domain.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// Attendees vote in the open poll. Each resident's vote is its own stream, its id derived from poll
/// and resident (<see cref="PersonalStream"/>): a burst of votes never contends on the town hall's stream,
/// and the second of two votes by one resident is stopped by the stream's primary key. Votes arriving together
/// share a transaction (the participation writer's votes lane, <see cref="ParticipationWriter"/>); the tally is counted
/// in it (<see cref="Projections.TownHalls.VoteTallyProjection"/>).
/// </summary>
public static class VoteEndpoints
{
    /// <summary>
    /// Votes for the option at index <c>option</c> (from 0): 201; 409 <c>already-voted</c> for a second vote
    /// (also when two race), 409 <c>poll-closed</c> once the poll closed, 400 naming <c>option</c> for an unknown option.
    /// </summary>
    [WolverinePost("/api/cities/{city}/town-halls/{id}/polls/{pollId}/votes", OperationId = "voteInTownHallPoll")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, Guid pollId, string city, VoteBody body, ClaimsPrincipal user, HttpContext http,
        ParticipationHandler handler, CancellationToken cancellation)
    {
        var command = new CastVote(id, pollId, user.ParticipantId(), body.Option) { VerifiedResident = user.HoldsRole(city, CityRole.VerifiedResident), VerifiedEmail = user.HasVerifiedEmail() };
        var done = await handler.Handle(command, city, http.Features.Get<IdempotencyScope>(), cancellation);
        if (done.IsRefused) return done.Problem;
        var cast = (TownHallVoteCast)done.Events[0];
        return Results.Created($"/api/cities/{city}/town-halls/{cast.TownHallId}/polls/{cast.PollId}/votes/mine",
            new MyVote(cast.TownHallId, cast.PollId, cast.Option, cast.CastAt) { Version = done.Sequence });
    }

    /// <summary>The calling resident's vote in the poll (404 when they have not voted).</summary>
    [WolverineGet("/api/cities/{city}/town-halls/{id}/polls/{pollId}/votes/mine", OperationId = "getMyTownHallVote")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Get(Guid id, Guid pollId, ClaimsPrincipal user, IQuerySession session, TownHallReader reader, CancellationToken cancellation) =>
        await reader.MyVoteAsync(session, id, pollId, user.ParticipantId(), cancellation) is { } vote ? Results.Ok(vote) : Problems.NotFound("vote");
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
