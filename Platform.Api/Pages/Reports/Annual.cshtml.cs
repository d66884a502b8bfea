using Platform.Api.Reports;

namespace Platform.Api.Pages.Reports;

/// <summary>
/// A city's annual monitoring report as one self-contained, printable HTML page (the same content as the JSON report):
/// semantic sections with headings in the VLR order, tables with captions and header scopes, the stylesheet inlined.
/// A year out of range is the API's 400 problem.
/// </summary>
[CachedForVisitors]
public sealed class AnnualReportModel(CityDirectory directory, IDocumentStore store, CityReportReader reader, TimeProvider clock) : CityPageModel(directory)
{
    public CityReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (ReportPage.CheckYear(RequestCity.RouteText(HttpContext, "year"), clock.GetUtcNow(), out var year) is { } invalid)
        {
            await Problems.Result([invalid]).ExecuteAsync(HttpContext);
            return new EmptyResult();
        }
        await using var session = store.QuerySession(CitySlug);
        var document = await session.LoadAsync<City>(CitySlug, cancellation);
        if (document is null) return NotFound();
        Report = await reader.ReadAsync(session, document, year, cancellation);
        return Page();
    }
}
