using Platform.Domain.Commitments;

namespace Platform.Projections.Commitments;

/// <summary>
/// The "commitment" view changes with every event of the commitment, and a parent's view also with the
/// events of its sub-commitments that move its rolled-up progress (they carry the parent's id).
/// </summary>
public sealed class CommitmentLiveRoute : ItemLiveRoute
{
    public const string View = "commitment";

    public CommitmentLiveRoute() : base(View)
    {
        On<CommitmentPublished>(e => [e.CommitmentId, e.ParentId]);
        On<CommitmentMilestonePlanned>(e => e.CommitmentId);
        On<CommitmentProgressReported>(e => [e.CommitmentId, e.ParentId]);
        On<CommitmentDeadlineChanged>(e => e.CommitmentId);
        On<CommitmentFulfilled>(e => [e.CommitmentId, e.ParentId]);
        On<CommitmentAbandoned>(e => [e.CommitmentId, e.ParentId]);
        On<CommitmentOverdue>(e => e.CommitmentId);
        On<CommitmentOriginLinked>(e => e.CommitmentId);
    }
}
