namespace Platform.Domain.TownHalls;

/// <summary>
/// An official scheduled a town hall. <paramref name="Description"/> and <paramref name="District"/> come
/// last (with defaults) so events stored before they existed still read.
/// </summary>
public sealed record TownHallScheduled(Guid TownHallId, string Title, DateTimeOffset StartsAt, string? Location, Guid OfficialId, DateTimeOffset ScheduledAt,
    string Description = "", string? District = null);

public sealed record TownHallOpened(Guid TownHallId, Guid OfficialId, DateTimeOffset OpenedAt);

/// <summary>A poll opened (one at a time per town hall).</summary>
public sealed record TownHallPollOpened(Guid TownHallId, Guid PollId, string Question, string[] Options, Guid OfficialId, DateTimeOffset OpenedAt);

/// <summary>An attendee's vote: <paramref name="Option"/> indexes the poll's options. One per resident per poll (own stream).</summary>
public sealed record TownHallVoteCast(Guid TownHallId, Guid PollId, Guid ResidentId, int Option, DateTimeOffset CastAt);

public sealed record TownHallPollClosed(Guid TownHallId, Guid PollId, Guid OfficialId, DateTimeOffset ClosedAt);

/// <summary>The town hall closed with its minutes and the commitments made there.</summary>
public sealed record TownHallClosed(Guid TownHallId, string Minutes, Guid[] CommitmentIds, Guid OfficialId, DateTimeOffset ClosedAt);
