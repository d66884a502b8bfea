using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>Keeps the write-side <see cref="Concern"/> state (Platform.Domain) as an inline snapshot.</summary>
public partial class ConcernStateProjection : SingleStreamProjection<Concern, Guid>
{
    public static Concern Create(ConcernRaised e) => Concern.Create(e);
    public static Concern Apply(ConcernAcknowledged e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernAnswered e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernDeclined e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernResolved e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernHidden e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernRestored e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernRedacted e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernWithdrawn e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernContested e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernReopened e, Concern state) => state.Apply(e);
    public static Concern Apply(ConcernEscalated e, Concern state) => state.Apply(e);
    public static Concern Apply(EscalationFindingRecorded e, Concern state) => state.Apply(e);
}
