using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Domain.Council;

/// <summary>
/// What awaits the council, as the rules say it (the council's work queue page asks here rather than restating them):
/// the concerns it may still answer, the hidden concerns a moderator may restore, and the proposals it owes a decision.
/// </summary>
public static class CouncilQueue
{
    /// <summary>Concerns awaiting the council's answer: the statuses it may answer a concern from.</summary>
    public static IReadOnlyList<ConcernStatus> Concerns => ConcernDecider.AnswerFrom;

    /// <summary>Concerns hidden by moderation: the statuses a moderator may restore a concern from.</summary>
    public static IReadOnlyList<ConcernStatus> HiddenConcerns => ConcernDecider.RestoreFrom;

    /// <summary>
    /// Proposals the council owes a decision by their due date: those whose supports reached the threshold
    /// (<see cref="ProposalThresholdReached"/> sets the due date; the council may decide any undecided proposal).
    /// </summary>
    public static IReadOnlyList<ProposalStatus> Proposals { get; } = [ProposalStatus.ThresholdReached];
}
