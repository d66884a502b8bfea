using Platform.Domain.Proposals;

namespace Platform.Projections.Proposals;

/// <summary>Inline projection of a Proposal stream into <see cref="ProposalView"/>.</summary>
public partial class ProposalViewProjection : SingleStreamProjection<ProposalView, Guid>
{
    public static ProposalView Create(IEvent<ProposalSubmitted> e) => new()
    {
        Id = e.Data.ProposalId,
        Title = e.Data.Title,
        Description = e.Data.Description,
        Rights = e.Data.Rights,
        SdgTargets = e.Data.SdgTargets,
        District = e.Data.District,
        Status = ProposalStatus.Open,
        AuthorId = e.Data.AuthorId,
        SupportThreshold = e.Data.SupportThreshold,
        SubmittedAt = e.Data.SubmittedAt,
        UpdatedAt = e.Data.SubmittedAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<ProposalThresholdReached> e, ProposalView view)
    {
        Touch(view, e, e.Data.ReachedAt, ProposalStatus.ThresholdReached);
        view.ThresholdReachedAt = e.Data.ReachedAt;
        view.DecisionDue = e.Data.DecisionDue;
    }

    public static void Apply(IEvent<ProposalAccepted> e, ProposalView view)
    {
        Touch(view, e, e.Data.AcceptedAt, ProposalStatus.Accepted);
        view.Decision = e.Data.Decision;
        view.CommitmentId = e.Data.CommitmentId;
        view.DecidedAt = e.Data.AcceptedAt;
    }

    public static void Apply(IEvent<ProposalRejected> e, ProposalView view)
    {
        Touch(view, e, e.Data.RejectedAt, ProposalStatus.Rejected);
        view.RejectionReason = e.Data.Reason;
        view.DecidedAt = e.Data.RejectedAt;
    }

    public static void Apply(IEvent<ProposalWithdrawn> e, ProposalView view)
    {
        Touch(view, e, e.Data.WithdrawnAt, ProposalStatus.Withdrawn);
        view.WithdrawnAt = e.Data.WithdrawnAt;
    }

    private static void Touch(ProposalView view, IEvent e, DateTimeOffset at, ProposalStatus status)
    {
        view.Status = status;
        view.UpdatedAt = at;
        view.Sequence = e.Sequence;
    }
}
