namespace Platform.Domain.Commitments;

/// <summary>The status residents see, derived at read time (see <see cref="CommitmentProgress.StatusOf"/>).</summary>
public enum CommitmentStatus
{
    OnTrack,
    AtRisk,
    Overdue,
    Fulfilled,
    Abandoned,
}
