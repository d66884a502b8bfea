using Platform.Projections.Participation;

namespace Platform.Projections.TownHalls;

/// <summary>
/// A poll's close against the votes still committing: the close takes the poll's participation lock exclusive before
/// its event gets a sequence (see <see cref="ParticipationGate"/>, which votes pass through). Either a vote commits
/// before the close starts (its sequence is lower), or its gate sees the poll closed.
/// </summary>
public static class PollGate
{
    /// <summary>Run by the close, in its transaction, before the events are saved: parameter poll id.</summary>
    public static readonly string CloseLockSql = ParticipationGate.CloseLockSql;
}
