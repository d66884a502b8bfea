namespace Platform.Domain.TownHalls;

/// <summary>
/// One resident's vote in one poll: the state of the resident's own vote stream (its id is
/// <see cref="PersonalStream.Id"/> of poll and resident), so votes never contend on the town hall's stream.
/// </summary>
public sealed record ResidentVote(Guid Id, Guid TownHallId, Guid PollId, Guid ResidentId, int Option, DateTimeOffset CastAt)
{
    public static ResidentVote From(TownHallVoteCast e) => new(PersonalStream.Id(e.PollId, e.ResidentId), e.TownHallId, e.PollId, e.ResidentId, e.Option, e.CastAt);
}
