namespace Platform.Domain.TownHalls;

/// <summary>
/// An official schedules a town hall under the new id <paramref name="TownHallId"/>. The input fields are nullable
/// because they arrive from clients as they are.
/// </summary>
public sealed record ScheduleTownHall(Guid TownHallId, Guid OfficialId, string? Title, string? Description, DateTimeOffset? StartsAt, string? Location, string? District);

/// <summary>An official opens the town hall's doors.</summary>
public sealed record OpenTownHall(Guid TownHallId, Guid OfficialId);

/// <summary>An official opens a poll under the new id <paramref name="PollId"/>: a question and 2 to 10 options.</summary>
public sealed record OpenPoll(Guid TownHallId, Guid PollId, Guid OfficialId, string? Question, IReadOnlyList<string?>? Options);

/// <summary>An official closes the poll <paramref name="PollId"/>.</summary>
public sealed record ClosePoll(Guid TownHallId, Guid PollId, Guid OfficialId);

/// <summary>An official closes the town hall with its minutes and the ids of the commitments made there (recorded as given).</summary>
public sealed record CloseTownHall(Guid TownHallId, Guid OfficialId, string? Minutes, IReadOnlyList<Guid>? CommitmentIds);

/// <summary>A resident votes for the option at index <paramref name="Option"/> of the poll.</summary>
/// Residency as for <see cref="Concerns.SupportConcern"/>.
public sealed record CastVote(Guid TownHallId, Guid PollId, Guid ResidentId, int? Option)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
    /// <summary>Whether the person's email address is verified (from the sign-in); required when <see cref="VerifiedEmailRequired"/> (the city's setting).</summary>
    public bool VerifiedEmail { get; init; }
    public bool VerifiedEmailRequired { get; init; }
}
