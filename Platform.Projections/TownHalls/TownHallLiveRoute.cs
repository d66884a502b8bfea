using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>
/// The "town-hall" view (the town hall with its polls and tallies) changes with every event of it and
/// with each vote. A burst of votes is coalesced: the live-view subscription pushes each view once per
/// batch of events, with the latest state.
/// </summary>
public sealed class TownHallLiveRoute : ILiveViewRoute
{
    public const string View = "town-hall";

    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(TownHallScheduled), typeof(TownHallOpened), typeof(TownHallPollOpened), typeof(TownHallVoteCast),
        typeof(TownHallPollClosed), typeof(TownHallClosed),
    ];

    public IEnumerable<ViewChange> ChangesOf(IEvent e)
    {
        Guid? id = e.Data switch
        {
            TownHallScheduled s => s.TownHallId,
            TownHallOpened o => o.TownHallId,
            TownHallPollOpened p => p.TownHallId,
            TownHallVoteCast v => v.TownHallId,
            TownHallPollClosed c => c.TownHallId,
            TownHallClosed c => c.TownHallId,
            _ => null,
        };
        if (id is { } townHallId) yield return new ViewChange(View, e.TenantId, townHallId, e.Sequence);
    }
}
