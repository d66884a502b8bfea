namespace Platform.Domain.Concerns;

/// <summary>The write-side state of a concern: only what its rules need.</summary>
/// <param name="StatusBeforeHiding">Where a hidden concern returns when a moderator restores it.</param>
/// <param name="Redacted">A moderator removed its text (<see cref="ConcernRedacted"/>).</param>
public sealed record Concern(Guid Id, ConcernStatus Status, Guid AuthorId, bool Anonymous, ConcernStatus StatusBeforeHiding = ConcernStatus.Open,
    bool Redacted = false)
{
    public static Concern From(ConcernRaised e) => new(e.ConcernId, ConcernStatus.Open, e.AuthorId, e.Anonymous);

    public Concern Then(ConcernAcknowledged e) => this with { Status = ConcernStatus.Acknowledged, ResponseDue = e.ResponseDue };
    public Concern Then(ConcernAnswered e) => Responded(e.AnsweredAt) with { Status = ConcernStatus.Answered, ContestableSince = e.AnsweredAt, Contesters = [] };
    public Concern Then(ConcernDeclined e) => Responded(e.DeclinedAt) with { Status = ConcernStatus.Declined };
    public Concern Then(ConcernResolved e) => Responded(e.ResolvedAt) with { Status = ConcernStatus.Resolved, ContestableSince = e.ResolvedAt, Contesters = [] };
    public Concern Then(ConcernContested e) => this with { Contesters = [.. Contesters, e.ContestedBy] };
    public Concern Then(ConcernReopened e) =>
        this with { Status = ConcernStatus.Acknowledged, ResponseDue = e.ResponseDue, ContestableSince = null, Reopens = Reopens + 1 };
    public Concern Then(ConcernEscalated _) => this with { Escalated = true };
    public Concern Then(EscalationFindingRecorded _) => this with { FindingRecorded = true };
    public Concern Then(ConcernHidden _) => this with { Status = ConcernStatus.Hidden, StatusBeforeHiding = Status };
    public Concern Then(ConcernRestored _) => this with { Status = StatusBeforeHiding };
    public Concern Then(ConcernRedacted _) => this with { Redacted = true };
    public Concern Then(ConcernWithdrawn _) => this with { Status = ConcernStatus.Withdrawn };
    public Concern Then(ConcernGroupsTagged e) => this with { Groups = e.Groups };

    /// <summary>The groups the concern affects (<see cref="ConcernGroupsTagged"/>).</summary>
    public string[] Groups { get; init; } = [];

    /// <summary>When the answer is due, while the council owes one (set on acknowledgement and reopening, cleared by the response).</summary>
    public DateTimeOffset? ResponseDue { get; init; }
    /// <summary>How many response deadlines passed before the council responded.</summary>
    public int MissedDeadlines { get; init; }
    /// <summary>When the answer or resolution that may be contested now was given (null: nothing to contest).</summary>
    public DateTimeOffset? ContestableSince { get; init; }
    /// <summary>Who contested the current answer or resolution (pseudonyms): a repeat changes nothing.</summary>
    public Guid[] Contesters { get; init; } = [];
    /// <summary>How many times contests reopened the concern.</summary>
    public int Reopens { get; init; }
    public bool Escalated { get; init; }
    public bool FindingRecorded { get; init; }

    /// <summary>The council responded (answered, declined, resolved): a deadline it owed is met or missed.</summary>
    private Concern Responded(DateTimeOffset at) => this with
    {
        MissedDeadlines = MissedDeadlines + (ResponseDue is { } due && at > due ? 1 : 0),
        ResponseDue = null,
    };

    /// <summary>The response deadlines missed by <paramref name="now"/>: those missed before, and the one owed now if it passed.</summary>
    public int MissedDeadlinesAt(DateTimeOffset now) => MissedDeadlines + (ResponseDue is { } due && now > due ? 1 : 0);

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
