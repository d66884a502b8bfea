namespace Platform.Domain.TownHalls;

/// <summary>A poll as the town hall's rules need it: its id and options.</summary>
public sealed record TownHallPoll(Guid Id, string[] Options);

/// <summary>The write-side state of a town hall: only what its rules need.</summary>
public sealed record TownHall(Guid Id, TownHallStatus Status, TownHallPoll? CurrentPoll, Guid[] ClosedPollIds)
{
    public static TownHall From(TownHallScheduled e) => new(e.TownHallId, TownHallStatus.Scheduled, null, []);

    public TownHall Then(TownHallOpened _) => this with { Status = TownHallStatus.Open };

    public TownHall Then(TownHallPollOpened e) => this with { CurrentPoll = new TownHallPoll(e.PollId, e.Options) };

    public TownHall Then(TownHallPollClosed e) =>
        this with { CurrentPoll = CurrentPoll?.Id == e.PollId ? null : CurrentPoll, ClosedPollIds = [.. ClosedPollIds, e.PollId] };

    public TownHall Then(TownHallClosed _) => this with { Status = TownHallStatus.Closed };

    /// <summary>
    /// The item residents may take part in now: the open poll of an open town hall, or null. Stored with the snapshot,
    /// it is the condition the participation gate reads in a vote's transaction.
    /// </summary>
    public Guid? OpenToParticipation => Status == TownHallStatus.Open ? CurrentPoll?.Id : null;

    public int PollCount => ClosedPollIds.Length + (CurrentPoll is null ? 0 : 1);
}
