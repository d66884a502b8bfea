using Platform.Api.Monitoring;

namespace Platform.Api.Pages.Monitoring;

/// <summary>A city's indicator set, grouped by right, read as the API reads it (the same statuses, the same rules).</summary>
[CachedForVisitors]
public sealed class IndicatorsModel(CityDirectory directory, IDocumentStore store, MonitoringReader reader) : CityPageModel(directory)
{
    public IReadOnlyList<SeriesDetails> Indicators { get; private set; } = [];
    public int CoreRequired { get; private set; }
    public int CoreAdopted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var set = await reader.ListAsync(session, CitySlug, cancellation);
        Indicators = set.Indicators;
        CoreRequired = set.Core.Required;
        CoreAdopted = set.Core.Adopted;
        return Page();
    }
}
