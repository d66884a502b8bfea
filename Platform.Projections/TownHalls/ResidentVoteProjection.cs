using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>Live aggregation of a resident's vote stream (one event), for the one-vote rule.</summary>
public partial class ResidentVoteProjection : SingleStreamProjection<ResidentVote, Guid>
{
    public static ResidentVote Create(IEvent<TownHallVoteCast> e) => ResidentVote.Create(e.StreamId, e.Data);
}
