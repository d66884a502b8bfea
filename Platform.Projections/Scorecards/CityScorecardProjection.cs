using Marten.Events.Projections;

namespace Platform.Projections.Scorecards;

/// <summary>
/// Async projection: one <see cref="CityScorecard"/> per city (Marten's roll-up by tenant: every event
/// of a city lands in the document whose id is the city slug). Runs in the daemon, so bursts of events
/// cost one document write per batch, and announces each new version for the live hub.
/// </summary>
public partial class CityScorecardProjection : MultiStreamProjection<CityScorecard, string>
{
    public const string View = "scorecard";

    public CityScorecardProjection()
    {
        RollUpByTenant();
        foreach (var type in CityScorecardEvents.Types) IncludeType(type);
    }

    public override CityScorecard Evolve(CityScorecard? snapshot, string id, IEvent e)
    {
        snapshot ??= new CityScorecard { Id = id };
        snapshot.Apply(e.Data, e.Sequence, e.Timestamp);
        return snapshot;
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<CityScorecard> slice)
    {
        if (slice.Snapshot is { } scorecard) slice.PublishMessage(new AsyncViewChanged(View, scorecard.Id, Guid.Empty, scorecard.Version));
        return ValueTask.CompletedTask;
    }
}
