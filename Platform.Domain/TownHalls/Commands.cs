namespace Platform.Domain.TownHalls;

/// <summary>Schedule a town hall. Fields are nullable because they arrive from clients as they are.</summary>
public sealed record ScheduleTownHall(string? Title, string? Description, DateTimeOffset? StartsAt, string? Location, string? District);

public sealed record OpenTownHall(Guid TownHallId);

/// <summary>Open a poll: a question and 2 to 10 options.</summary>
public sealed record OpenPoll(string? Question, IReadOnlyList<string?>? Options);

public sealed record ClosePoll(Guid PollId);

/// <summary>Close the town hall with its minutes and the ids of the commitments made there (recorded as given).</summary>
public sealed record CloseTownHall(string? Minutes, IReadOnlyList<Guid>? CommitmentIds);

/// <summary>A resident votes for the option at index <paramref name="Option"/> of the poll.</summary>
/// Residency as for <see cref="Concerns.SupportConcern"/>.
public sealed record CastVote(Guid TownHallId, Guid PollId, Guid ResidentId, int? Option)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
}
