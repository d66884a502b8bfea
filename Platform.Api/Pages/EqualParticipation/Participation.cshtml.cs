using Platform.Api.EqualParticipation;

namespace Platform.Api.Pages.EqualParticipation;

/// <summary>Who takes part in the city, against its population shares: the API's breakdown, as tables (docs/participation.md).</summary>
public sealed class ParticipationModel(CityDirectory directory, IDocumentStore store, ParticipationBreakdownReader reader) : CityPageModel(directory)
{
    public ParticipationBreakdown Breakdown { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Breakdown = await reader.ReadAsync(session, CitySlug, cancellation);
    }
}
