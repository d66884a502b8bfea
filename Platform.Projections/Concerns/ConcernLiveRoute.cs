using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>The "concern" view changes with every event of the concern and with each support of it.</summary>
public sealed class ConcernLiveRoute : ItemLiveRoute
{
    public const string View = "concern";

    public ConcernLiveRoute() : base(View)
    {
        On<ConcernRaised>(e => e.ConcernId);
        On<ConcernSupported>(e => e.ConcernId);
        On<ConcernSupportWithdrawn>(e => e.ConcernId);
        On<ConcernAcknowledged>(e => e.ConcernId);
        On<ConcernAnswered>(e => e.ConcernId);
        On<ConcernDeclined>(e => e.ConcernId);
        On<ConcernResolved>(e => e.ConcernId);
        On<ConcernHidden>(e => e.ConcernId);
        On<ConcernRestored>(e => e.ConcernId);
        On<ConcernWithdrawn>(e => e.ConcernId);
        On<ConcernLinkedToCommitment>(e => e.ConcernId);
        On<ConcernRedacted>(e => e.ConcernId);
        On<ConcernContested>(e => e.ConcernId);
        On<ConcernReopened>(e => e.ConcernId);
        On<ConcernEscalated>(e => e.ConcernId);
        On<EscalationFindingRecorded>(e => e.ConcernId);
        On<ConcernGroupsTagged>(e => e.ConcernId);
        // An assisted concern or support changes its concern's view; an assisted answer is a consultation's.
        On<Platform.Domain.EqualParticipation.ParticipationAssisted>(e =>
            e.ItemKind == Platform.Domain.EqualParticipation.AssistanceRules.Answer ? Array.Empty<Guid?>() : new Guid?[] { e.ItemId });
        On<Platform.Domain.Organisations.ConcernRaisedOnBehalf>(e => e.ConcernId);
    }
}
