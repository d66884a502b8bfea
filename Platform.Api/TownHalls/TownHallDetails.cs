using Platform.Domain.TownHalls;
using Platform.Projections.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// The live state of a town hall: the open poll (if any) with its running tally, the closed polls with
/// their final tallies, and once closed its minutes and the commitments made.
/// </summary>
/// <param name="Version">The highest event sequence reflected: the town hall's own events and every vote counted.</param>
public sealed record TownHallDetails(
    Guid Id,
    string City,
    string Title,
    string Description,
    DateTimeOffset StartsAt,
    string? Location,
    string? District,
    TownHallStatus Status,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    PollResult? CurrentPoll,
    PollResult[] PastPolls,
    string? Minutes,
    Guid[] CommitmentIds,
    long Version);

/// <summary>A poll and its tally: votes per option (in the order offered) and in total.</summary>
public sealed record PollResult(Guid Id, string Question, bool Open, OptionVotes[] Options, long Total, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);

/// <summary>The votes for one option; <paramref name="Index"/> is what a resident sends to vote for it.</summary>
public sealed record OptionVotes(int Index, string Option, long Votes);

/// <summary>A town hall in a list (no tallies).</summary>
public sealed record TownHallSummary(Guid Id, string City, string Title, DateTimeOffset StartsAt, string? Location, string? District,
    TownHallStatus Status, int Polls, bool PollOpen, long Version)
{
    public static TownHallSummary Of(string city, TownHallView v) =>
        new(v.Id, city, v.Title, v.StartsAt, v.Location, v.District, v.Status, v.Polls.Count, v.Polls.Any(p => p.ClosedAt is null), v.Sequence);
}
