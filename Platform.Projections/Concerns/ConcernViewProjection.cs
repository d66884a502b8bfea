using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>Inline projection of a Concern stream into <see cref="ConcernView"/>.</summary>
public partial class ConcernViewProjection : SingleStreamProjection<ConcernView, Guid>
{
    public static ConcernView Create(IEvent<ConcernRaised> e) => new()
    {
        Id = e.Data.ConcernId,
        Title = e.Data.Title,
        Description = e.Data.Description,
        Rights = e.Data.Rights,
        SdgTargets = e.Data.SdgTargets,
        District = e.Data.District,
        Status = ConcernStatus.Open,
        Anonymous = e.Data.Anonymous,
        AuthorId = e.Data.AuthorId,
        RaisedAt = e.Data.RaisedAt,
        UpdatedAt = e.Data.RaisedAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<ConcernAcknowledged> e, ConcernView view)
    {
        Touch(view, e, e.Data.AcknowledgedAt, ConcernStatus.Acknowledged);
        view.Department = e.Data.Department;
        view.AcknowledgedAt = e.Data.AcknowledgedAt;
        view.ResponseDue = e.Data.ResponseDue;
    }

    public static void Apply(IEvent<ConcernAnswered> e, ConcernView view)
    {
        Touch(view, e, e.Data.AnsweredAt, ConcernStatus.Answered);
        view.Answer = e.Data.Answer;
        view.AnsweredAt = e.Data.AnsweredAt;
        Contestable(view, e.Data.AnsweredAt);
    }

    public static void Apply(IEvent<ConcernDeclined> e, ConcernView view)
    {
        Touch(view, e, e.Data.DeclinedAt, ConcernStatus.Declined);
        view.DeclineReason = e.Data.Reason;
        view.ClosedAt = e.Data.DeclinedAt;
    }

    public static void Apply(IEvent<ConcernResolved> e, ConcernView view)
    {
        Touch(view, e, e.Data.ResolvedAt, ConcernStatus.Resolved);
        view.ResolutionNote = e.Data.Note;
        view.ClosedAt = e.Data.ResolvedAt;
        Contestable(view, e.Data.ResolvedAt);
    }

    public static void Apply(IEvent<ConcernWithdrawn> e, ConcernView view)
    {
        Touch(view, e, e.Data.WithdrawnAt, ConcernStatus.Withdrawn);
        view.ClosedAt = e.Data.WithdrawnAt;
    }

    public static void Apply(IEvent<ConcernHidden> e, ConcernView view)
    {
        view.Hidden = true;
        view.HiddenReason = e.Data.Reason;
        view.UpdatedAt = e.Data.HiddenAt;
        view.Sequence = e.Sequence;
    }

    /// <summary>The text is gone from the event too (masked): the view keeps the moderator's reason and nothing of the text.</summary>
    public static void Apply(IEvent<ConcernRedacted> e, ConcernView view)
    {
        view.Title = ConcernView.RedactedTitle;
        view.Description = "";
        view.District = null;
        view.RedactionReason = e.Data.Reason;
        view.UpdatedAt = e.Data.RedactedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ConcernRestored> e, ConcernView view)
    {
        view.Hidden = false;
        view.HiddenReason = null;
        view.UpdatedAt = e.Data.RestoredAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ConcernGroupsTagged> e, ConcernView view)
    {
        view.Groups = e.Data.Groups;
        view.UpdatedAt = e.Data.TaggedAt;
        view.Sequence = e.Sequence;
    }

    /// <summary>
    /// An assisted concern or support follows its concern's first event, so the view exists; an assisted consultation
    /// answer is recorded in the consultation's stream, which is no concern's: it makes no view.
    /// </summary>
    public static ConcernView? Create(IEvent<Platform.Domain.EqualParticipation.ParticipationAssisted> e) => null;

    /// <summary>Removes the empty view an assisted consultation answer used to make under the consultation's id.</summary>
    public static bool ShouldDelete(IEvent<Platform.Domain.EqualParticipation.ParticipationAssisted> e) =>
        e.Data.ItemKind == Platform.Domain.EqualParticipation.AssistanceRules.Answer;

    public static void Apply(IEvent<Platform.Domain.EqualParticipation.ParticipationAssisted> e, ConcernView view)
    {
        if (e.Data.ItemKind == Platform.Domain.EqualParticipation.AssistanceRules.Concern) view.AssistedAs = e.Data.AssistedAs;
        else view.AssistedSupports++;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ConcernLinkedToCommitment> e, ConcernView view)
    {
        if (!view.Commitments.Contains(e.Data.CommitmentId)) view.Commitments.Add(e.Data.CommitmentId);
        view.UpdatedAt = e.Data.LinkedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<ConcernContested> e, ConcernView view)
    {
        view.Contests++;
        view.UpdatedAt = e.Data.ContestedAt;
        view.Sequence = e.Sequence;
    }

    /// <summary>Under review again: the council owes a new answer by the new deadline.</summary>
    public static void Apply(IEvent<ConcernReopened> e, ConcernView view)
    {
        Touch(view, e, e.Data.ReopenedAt, ConcernStatus.Acknowledged);
        view.ResponseDue = e.Data.ResponseDue;
        view.ClosedAt = null;
        view.ContestableSince = null;
        view.Reopens++;
        view.ReopenedAt = e.Data.ReopenedAt;
        view.ReopenReason = e.Data.Reason;
    }

    public static void Apply(IEvent<ConcernEscalated> e, ConcernView view)
    {
        view.EscalatedAt = e.Data.EscalatedAt;
        view.EscalationReason = e.Data.Reason;
        view.UpdatedAt = e.Data.EscalatedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<EscalationFindingRecorded> e, ConcernView view)
    {
        view.Finding = e.Data.Finding;
        view.FindingOutcome = e.Data.Outcome;
        view.FindingRecordedAt = e.Data.RecordedAt;
        view.UpdatedAt = e.Data.RecordedAt;
        view.Sequence = e.Sequence;
    }

    /// <summary>A new answer or resolution: contests of it start from zero.</summary>
    private static void Contestable(ConcernView view, DateTimeOffset at)
    {
        view.ContestableSince = at;
        view.Contests = 0;
    }

    private static void Touch(ConcernView view, IEvent e, DateTimeOffset at, ConcernStatus status)
    {
        view.Status = status;
        view.UpdatedAt = at;
        view.Sequence = e.Sequence;
    }
}
