using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;

namespace Platform.Projections.Scorecards;

/// <summary>The events a scorecard reads (the city scorecard and the network overview alike).</summary>
public static class CityScorecardEvents
{
    public static readonly Type[] Types =
    [
        typeof(ConcernRaised), typeof(ConcernAcknowledged), typeof(ConcernAnswered), typeof(ConcernDeclined),
        typeof(ConcernResolved), typeof(ConcernWithdrawn), typeof(ConcernReopened),
        typeof(ProposalThresholdReached), typeof(ProposalAccepted), typeof(ProposalRejected), typeof(ProposalWithdrawn),
        typeof(CommitmentPublished), typeof(CommitmentOverdue), typeof(CommitmentDeadlineChanged), typeof(CommitmentFulfilled),
        typeof(CommitmentProgressReported),
        typeof(CommitmentAbandoned),
        typeof(ConsultationResponseSubmitted), typeof(ConsultationClosed),
    ];
}
