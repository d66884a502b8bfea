using Marten.Events.Projections;
using Platform.Domain.EqualParticipation;
using Platform.Domain.Monitoring;
using Platform.Projections.Live;

namespace Platform.Projections.Monitoring;

/// <summary>A city's complaint figures (<see cref="ComplaintFigures"/>), one document per city keyed by its slug.</summary>
public sealed class ComplaintFiguresView
{
    public string Id { get; set; } = "";
    public ComplaintFigures Figures { get; set; } = new();
    /// <summary>The highest event sequence folded in.</summary>
    public long Sequence { get; set; }
}

/// <summary>
/// Async projection of the complaint indicators: it folds every city's concern events into its
/// <see cref="ComplaintFiguresView"/> (Marten's roll-up by tenant), and after each batch writes the city's three
/// computed series (<see cref="PlatformIndicators"/>) as <see cref="IndicatorSeries"/> documents in the city's tenant,
/// where the readers, pages and exports read every series. Those series have no stream: nothing but this projection
/// (and a change of the city's population shares, which renames its districts: <c>PopulationHandler</c> writes the series
/// again from this view) writes them, and every hand-made write of them is refused.
/// </summary>
public sealed class ComplaintFiguresProjection : MultiStreamProjection<ComplaintFiguresView, string>
{
    public ComplaintFiguresProjection()
    {
        Name = "ComplaintFigures";
        RollUpByTenant();
        foreach (var type in ComplaintFigures.EventTypes) IncludeType(type);
    }

    public override ComplaintFiguresView Evolve(ComplaintFiguresView? snapshot, string id, IEvent e)
    {
        snapshot ??= new ComplaintFiguresView { Id = id };
        snapshot.Figures.Apply(e.StreamId, e.Data);
        snapshot.Sequence = Math.Max(snapshot.Sequence, e.Sequence);
        return snapshot;
    }

    public override async ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ComplaintFiguresView> slice)
    {
        if (slice.Snapshot is not { } view) return;
        var city = operations.ForTenant(view.Id);
        foreach (var series in view.Figures.Series(view.Id, await CityDistrictsAsync(city, view.Id))) city.Store(series);
        // The daemon's batch goes past the session listeners: say that the city's pages changed (the page cache hears it).
        slice.PublishMessage(new AsyncViewChanged(View, view.Id, Guid.Empty, view.Sequence));
    }

    /// <summary>The name of the change it publishes (no live view watches it; the page cache drops the city's pages).</summary>
    public const string View = "complaint-figures";

    /// <summary>
    /// The city's own districts: those its population shares name (docs/participation.md). Every other district a
    /// concern names counts under "other" in the series.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> CityDistrictsAsync(IQuerySession citySession, string city) =>
        (await citySession.LoadAsync<PopulationShares>(city))?.Districts() ?? [];
}
