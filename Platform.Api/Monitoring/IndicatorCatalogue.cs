using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Api.Monitoring;

/// <summary>
/// The network's indicator catalogue: the shipped indicators, overlaid by administrators' additions and revisions, and
/// the complaint indicators the platform computes itself (<see cref="PlatformIndicators"/>, origin "platform").
/// </summary>
public static class IndicatorCatalogue
{
    public static async Task<IndicatorDefinition?> FindAsync(IQuerySession session, string code, CancellationToken cancellation)
    {
        var stored = await session.LoadAsync<CatalogueIndicator>(code, cancellation);
        return stored?.Current ?? IndicatorReference.Indicators.GetValueOrDefault(code) ?? PlatformIndicators.All.FirstOrDefault(d => d.Code == code);
    }

    public static async Task<IReadOnlyList<IndicatorDefinition>> AllAsync(IQuerySession session, CancellationToken cancellation)
    {
        var stored = await session.Query<CatalogueIndicator>().ToListAsync(cancellation);
        var all = IndicatorReference.Indicators.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var computed in PlatformIndicators.All) all[computed.Code] = computed;
        foreach (var s in stored) all[s.Id] = s.Current;
        return all.Values.OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
    }
}
