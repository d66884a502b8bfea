using Platform.Api.Assessments;
using Platform.Api.Scorecards;

namespace Platform.Api.Pages.Network;

/// <summary>The network's cities side by side: the network overview, one column per city, read through the readers.</summary>
[CachedForVisitors]
public sealed class NetworkModel(IDocumentStore store, ScorecardReader reader, TimeProvider clock) : PageModel
{
    /// <summary>The year of the network report the page links to: the last full year.</summary>
    public int ReportYear => clock.GetUtcNow().Year - 1;

    public NetworkOverviewDetails Overview { get; private set; } = null!;
    /// <summary>Each city's current recognition by the network, null when none.</summary>
    public Dictionary<string, Platform.Projections.Assessments.RecognitionView?> Recognitions { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        Overview = await reader.NetworkAsync(session, cancellation);
        foreach (var (city, current) in await AssessmentReader.CurrentRecognitionsAsync(session, [.. Overview.Cities.Select(c => c.City)], cancellation))
            Recognitions[city] = current;
        return Page();
    }

    /// <summary>A city's name in the page's language, else English, else its slug (as <see cref="Display.Name"/> does for a City).</summary>
    public static string Name(NetworkCityDetails city) =>
        city.Names.TryGetValue(Display.Language, out var name) ? name : city.Names.TryGetValue("en", out var english) ? english : city.City;
}
