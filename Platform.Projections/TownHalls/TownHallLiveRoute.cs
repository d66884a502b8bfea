using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>
/// The "town-hall" view (the town hall with its polls and tallies) changes with every event of it and
/// with each vote. A burst of votes is coalesced: the live-view subscription pushes each view once per
/// batch of events, with the latest state.
/// </summary>
public sealed class TownHallLiveRoute : ItemLiveRoute
{
    public const string View = "town-hall";

    public TownHallLiveRoute() : base(View)
    {
        On<TownHallScheduled>(e => e.TownHallId);
        On<TownHallOpened>(e => e.TownHallId);
        On<TownHallPollOpened>(e => e.TownHallId);
        On<TownHallVoteCast>(e => e.TownHallId);
        On<TownHallPollClosed>(e => e.TownHallId);
        On<TownHallClosed>(e => e.TownHallId);
    }
}
