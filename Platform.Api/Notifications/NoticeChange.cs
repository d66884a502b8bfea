using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;

namespace Platform.Api.Notifications;

/// <summary>Who hears of a change: the people of an item, or the residents of the city who asked for the kind.</summary>
public enum NoticeAudience
{
    /// <summary>A concern's author, supporters and followers (only its author while it is hidden).</summary>
    ConcernPeople,
    /// <summary>A proposal's author and supporters.</summary>
    ProposalPeople,
    /// <summary>A commitment's followers: explicit ones and the supporters of the concerns it answers, less those who stopped.</summary>
    CommitmentFollowers,
    /// <summary>Members of the city whose <see cref="NotificationPreferences.OptedIn"/> holds the kind.</summary>
    OptedIn,
}

/// <summary>
/// What one committed event tells, if it is a change people hear about: its kind, the item, a detail in the words of the
/// change, the person who made it (never notified of their own act) and who hears of it.
/// </summary>
public sealed record NoticeChange(NoticeKind Kind, string ItemKind, Guid ItemId, string? Detail, Guid? Actor, NoticeAudience Audience)
{
    /// <summary>The event types that raise notices (the subscription reads only these).</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(ConcernAcknowledged), typeof(ConcernAnswered), typeof(ConcernDeclined), typeof(ConcernResolved),
        typeof(ConcernReopened),
        typeof(ProposalThresholdReached), typeof(ProposalAccepted), typeof(ProposalRejected),
        typeof(CommitmentProgressReported), typeof(CommitmentDeadlineChanged), typeof(CommitmentOverdue),
        typeof(CommitmentFulfilled), typeof(CommitmentAbandoned),
        typeof(ConsultationOpened), typeof(TownHallScheduled),
    ];

    public static NoticeChange? Of(object data) => data switch
    {
        ConcernAcknowledged e => Concern(NoticeKind.ConcernAcknowledged, e.ConcernId, e.Department, e.OfficialId),
        ConcernAnswered e => Concern(NoticeKind.ConcernAnswered, e.ConcernId, e.Answer, e.OfficialId),
        ConcernDeclined e => Concern(NoticeKind.ConcernDeclined, e.ConcernId, e.Reason, e.OfficialId),
        ConcernResolved e => Concern(NoticeKind.ConcernResolved, e.ConcernId, e.Note, e.OfficialId),
        // Contests reopen a concern (its author's, or enough supporters'): everyone of the concern hears, the contesters too.
        ConcernReopened e => new(NoticeKind.ConcernReopened, "concern", e.ConcernId, e.Reason, null, NoticeAudience.ConcernPeople),
        ProposalThresholdReached e => new(NoticeKind.ProposalThresholdReached, "proposal", e.ProposalId, null, null, NoticeAudience.ProposalPeople),
        ProposalAccepted e => new(NoticeKind.ProposalDecided, "proposal", e.ProposalId, e.Decision, e.OfficialId, NoticeAudience.ProposalPeople),
        ProposalRejected e => new(NoticeKind.ProposalDecided, "proposal", e.ProposalId, e.Reason, e.OfficialId, NoticeAudience.ProposalPeople),
        CommitmentProgressReported e => Commitment(NoticeKind.CommitmentProgress, e.CommitmentId, $"{e.Percent} % – {e.Note}", e.OfficialId),
        CommitmentDeadlineChanged e => Commitment(NoticeKind.CommitmentDeadlineChanged, e.CommitmentId,
            $"{e.NewDueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {e.Reason}", e.OfficialId),
        CommitmentOverdue e => Commitment(NoticeKind.CommitmentOverdue, e.CommitmentId, e.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null),
        CommitmentFulfilled e => Commitment(NoticeKind.CommitmentFulfilled, e.CommitmentId, e.Note, e.OfficialId),
        CommitmentAbandoned e => Commitment(NoticeKind.CommitmentAbandoned, e.CommitmentId, e.Reason, e.OfficialId),
        ConsultationOpened e => new(NoticeKind.ConsultationOpened, "consultation", e.ConsultationId, null, e.OfficialId, NoticeAudience.OptedIn),
        TownHallScheduled e => new(NoticeKind.TownHallScheduled, "town-hall", e.TownHallId, null, e.OfficialId, NoticeAudience.OptedIn),
        _ => null,
    };

    /// <summary>The kinds a person opts in to (everyone else hears of the items they took part in without asking).</summary>
    public static readonly NoticeKind[] OptInKinds = [NoticeKind.ConsultationOpened, NoticeKind.TownHallScheduled];

    private static NoticeChange Concern(NoticeKind kind, Guid id, string? detail, Guid official) =>
        new(kind, "concern", id, detail, official, NoticeAudience.ConcernPeople);

    private static NoticeChange Commitment(NoticeKind kind, Guid id, string? detail, Guid? official) =>
        new(kind, "commitment", id, detail, official, NoticeAudience.CommitmentFollowers);
}
