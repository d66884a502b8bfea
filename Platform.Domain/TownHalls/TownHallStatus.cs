namespace Platform.Domain.TownHalls;

/// <summary>Where a town hall stands. Polls open and votes count only while it is open.</summary>
public enum TownHallStatus
{
    Scheduled,
    Open,
    Closed,
}
