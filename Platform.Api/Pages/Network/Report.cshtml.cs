using Platform.Api.NetworkReports;
using Platform.Api.Reports;

namespace Platform.Api.Pages.Network;

/// <summary>
/// The network's annual report of good practices and challenges, for anyone: the same content as
/// <c>GET /api/network/reports/{year}</c>, read through <see cref="NetworkReportReader"/>. A year that is not one from
/// 2000 to the current one, or in which no city did anything, is not found.
/// </summary>
public sealed class ReportModel(IDocumentStore store, NetworkReportReader reader, CityDirectory cities, TimeProvider clock) : PageModel
{
    public NetworkReport Report { get; private set; } = null!;
    /// <summary>The report's cities, by slug, for their names in the page's language.</summary>
    public IReadOnlyDictionary<string, City> Cities { get; private set; } = new Dictionary<string, City>();

    /// <summary>How many entries each list of common challenges shows (the JSON has them all).</summary>
    public const int Shown = 5;

    public async Task<IActionResult> OnGetAsync(string year, CancellationToken cancellation)
    {
        if (ReportPage.CheckYear(year, clock.GetUtcNow(), out var y) is not null) return NotFound();
        await using var session = store.QuerySession();
        if (await reader.ReadAsync(session, y, cancellation) is not { } report) return NotFound();
        Report = report;
        var found = new Dictionary<string, City>();
        foreach (var row in report.Cities)
            if (await cities.FindAsync(row.City, cancellation) is { } city) found[city.Id] = city;
        Cities = found;
        return Page();
    }

    public string NameOf(string slug) => Cities.GetValueOrDefault(slug)?.Name() ?? slug;
}
