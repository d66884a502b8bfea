using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>Keeps the write-side <see cref="TownHall"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class TownHallStateProjection : SingleStreamProjection<TownHall, Guid>
{
    public static TownHall Create(TownHallScheduled e) => TownHall.Create(e);
    public static TownHall Apply(TownHallOpened e, TownHall state) => state.Apply(e);
    public static TownHall Apply(TownHallPollOpened e, TownHall state) => state.Apply(e);
    public static TownHall Apply(TownHallPollClosed e, TownHall state) => state.Apply(e);
    public static TownHall Apply(TownHallClosed e, TownHall state) => state.Apply(e);
}
