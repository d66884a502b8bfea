using Platform.Domain.Commitments;

namespace Platform.Projections.Commitments;

/// <summary>Keeps the write-side <see cref="Commitment"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class CommitmentStateProjection : SingleStreamProjection<Commitment, Guid>
{
    public static Commitment Create(CommitmentPublished e) => Commitment.Create(e);
    public static Commitment Apply(CommitmentMilestonePlanned e, Commitment state) => state.Apply(e);
    public static Commitment Apply(CommitmentDeadlineChanged e, Commitment state) => state.Apply(e);
    public static Commitment Apply(CommitmentFulfilled e, Commitment state) => state.Apply(e);
    public static Commitment Apply(CommitmentAbandoned e, Commitment state) => state.Apply(e);
    public static Commitment Apply(CommitmentOverdue e, Commitment state) => state.Apply(e);
    public static Commitment Apply(CommitmentOriginLinked e, Commitment state) => state.Apply(e);
}
