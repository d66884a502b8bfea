namespace Platform.Api.Notifications;

/// <summary>What a notice tells: one kind per change a person may hear about.</summary>
public enum NoticeKind
{
    ConcernAcknowledged,
    ConcernAnswered,
    ConcernDeclined,
    ConcernResolved,
    ConcernReopened,
    ProposalThresholdReached,
    ProposalDecided,
    CommitmentProgress,
    CommitmentDeadlineChanged,
    CommitmentOverdue,
    CommitmentFulfilled,
    CommitmentAbandoned,
    /// <summary>Opt-in: a consultation opened in the person's city.</summary>
    ConsultationOpened,
    /// <summary>Opt-in: a town hall was scheduled in the person's city.</summary>
    TownHallScheduled,
    /// <summary>For officials: the concerns and proposals of their city nearing or past their deadline (daily).</summary>
    DeadlinesList,
}

/// <summary>
/// One notice to one person about one change (a document per person and change). Its id is derived from the change
/// (the event's id) and the person, so writing it twice writes the same notice: each person gets each notice once,
/// however often the change is handled again.
/// </summary>
public sealed class Notice
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string City { get; set; } = "";
    public NoticeKind Kind { get; set; }
    /// <summary>The item the notice is about: <c>concern</c>, <c>proposal</c>, <c>commitment</c>, <c>consultation</c>, <c>town-hall</c>.</summary>
    public string ItemKind { get; set; } = "";
    public Guid ItemId { get; set; }
    /// <summary>The item's title when the notice was written.</summary>
    public string Title { get; set; } = "";
    /// <summary>What changed, in the words of the change (an answer, a reason, a progress note), if any.</summary>
    public string? Detail { get; set; }
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

/// <summary>How a person wants email of one kind of notice.</summary>
public enum EmailDelivery
{
    AtOnce,
    DailyDigest,
    WeeklyDigest,
    Never,
}

/// <summary>
/// A person's notification settings (a document per account, id = the account's id): email per kind (missing kinds take
/// their default: <see cref="EmailDelivery.AtOnce"/>), and the opt-in kinds they asked for.
/// </summary>
public sealed class NotificationPreferences
{
    public Guid Id { get; set; }
    public Dictionary<NoticeKind, EmailDelivery> Email { get; set; } = [];
    /// <summary>The opt-in kinds (<see cref="NoticeKind.ConsultationOpened"/>, <see cref="NoticeKind.TownHallScheduled"/>) the person wants.</summary>
    public List<NoticeKind> OptedIn { get; set; } = [];
}

/// <summary>
/// A durable message (Wolverine's outbox, in the transaction that stored the notice): the notice exists and may need an
/// email. Handled again after a crash; the email side must therefore send each notice at most once (it records what it sent).
/// </summary>
public sealed record NoticeRaised(Guid NoticeId);
