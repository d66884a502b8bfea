namespace Platform.Domain.Concerns;

/// <summary>The write-side state of a concern: only what its rules need.</summary>
/// <param name="StatusBeforeHiding">Where a hidden concern returns when a moderator restores it.</param>
/// <param name="Redacted">A moderator removed its text (<see cref="ConcernRedacted"/>).</param>
public sealed record Concern(Guid Id, ConcernStatus Status, Guid AuthorId, bool Anonymous, ConcernStatus StatusBeforeHiding = ConcernStatus.Open,
    bool Redacted = false)
{
    public static Concern From(ConcernRaised e) => new(e.ConcernId, ConcernStatus.Open, e.AuthorId, e.Anonymous);

    public Concern Then(ConcernAcknowledged _) => this with { Status = ConcernStatus.Acknowledged };
    public Concern Then(ConcernAnswered _) => this with { Status = ConcernStatus.Answered };
    public Concern Then(ConcernDeclined _) => this with { Status = ConcernStatus.Declined };
    public Concern Then(ConcernResolved _) => this with { Status = ConcernStatus.Resolved };
    public Concern Then(ConcernHidden _) => this with { Status = ConcernStatus.Hidden, StatusBeforeHiding = Status };
    public Concern Then(ConcernRestored _) => this with { Status = StatusBeforeHiding };
    public Concern Then(ConcernRedacted _) => this with { Redacted = true };
    public Concern Then(ConcernWithdrawn _) => this with { Status = ConcernStatus.Withdrawn };

    /// <summary>Residents may support a concern while the council has not closed it and it is visible.</summary>
    public bool AcceptsSupport => AcceptsSupportWhen(Status);

    /// <summary>
    /// The item residents may take part in now (this concern while it <see cref="AcceptsSupport"/>), or null: stored
    /// with the snapshot, it is the condition the participation gate reads in a support's transaction.
    /// </summary>
    public Guid? OpenToParticipation => AcceptsSupport ? Id : null;

    /// <summary>Whether a concern in this status takes supports (for views that hold the status only).</summary>
    public static bool AcceptsSupportWhen(ConcernStatus status) =>
        status is ConcernStatus.Open or ConcernStatus.Acknowledged or ConcernStatus.Answered;
}
