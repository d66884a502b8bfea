namespace Platform.Domain.Commitments;

/// <summary>Where a commitment stands in its lifecycle; what users see is <see cref="CommitmentStatus"/>, derived from it and the clock.</summary>
public enum CommitmentPhase
{
    /// <summary>Published and not yet settled (possibly overdue).</summary>
    Active,
    Fulfilled,
    Abandoned,
}
