namespace Platform.Domain.Commitments;

/// <summary>The write-side state of a commitment: only what its rules need.</summary>
public sealed record Commitment(
    Guid Id,
    CommitmentPhase Phase,
    DateOnly DueDate,
    DateTimeOffset DueAt,
    bool Overdue,
    Guid? ParentId,
    int Milestones)
{
    /// <summary>What the commitment answers (so linking the same origin twice changes nothing).</summary>
    public CommitmentOrigin[] Origins { get; init; } = [];

    public static Commitment From(CommitmentPublished e) =>
        new(e.CommitmentId, CommitmentPhase.Active, e.DueDate, e.DueAt, false, e.ParentId, 0) { Origins = e.Origins };

    public Commitment Then(CommitmentOriginLinked e) => this with { Origins = [.. Origins, e.Origin] };

    public Commitment Then(CommitmentMilestonePlanned _) => this with { Milestones = Milestones + 1 };

    /// <summary>A new deadline lifts the overdue mark: the commitment is judged against the new date.</summary>
    public Commitment Then(CommitmentDeadlineChanged e) => this with { DueDate = e.NewDueDate, DueAt = e.NewDueAt, Overdue = false };

    public Commitment Then(CommitmentFulfilled _) => this with { Phase = CommitmentPhase.Fulfilled };
    public Commitment Then(CommitmentAbandoned _) => this with { Phase = CommitmentPhase.Abandoned };
    public Commitment Then(CommitmentOverdue _) => this with { Overdue = true };
}
