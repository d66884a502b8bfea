using Marten.Events.Projections;
using Platform.Projections.Scorecards;

namespace Platform.Projections.Scorecards;

/// <summary>
/// Async projection across tenants: every city's scorecard events go to the single
/// <see cref="NetworkOverview"/> document, under the city they belong to (the event's tenant).
/// </summary>
public partial class NetworkOverviewProjection : MultiStreamProjection<NetworkOverview, string>
{
    public const string View = "network-overview";

    /// <summary>The "city" network-wide views are watched under (no city of the network may take this slug).</summary>
    public const string NetworkScope = "network";

    public NetworkOverviewProjection()
    {
        TenancyGrouping = JasperFx.Events.Grouping.TenancyGrouping.AcrossTenants;
        Identity<IEvent>(_ => NetworkOverview.DocumentId);
        foreach (var type in CityScorecardEvents.Types) IncludeType(type);
    }

    public override NetworkOverview Evolve(NetworkOverview? snapshot, string id, IEvent e)
    {
        snapshot ??= new NetworkOverview { Id = id };
        snapshot.Apply(e.TenantId, e.Data, e.Sequence, e.Timestamp);
        return snapshot;
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<NetworkOverview> slice)
    {
        if (slice.Snapshot is { } overview) slice.PublishMessage(new AsyncViewChanged(View, NetworkScope, Guid.Empty, overview.Version));
        return ValueTask.CompletedTask;
    }
}
