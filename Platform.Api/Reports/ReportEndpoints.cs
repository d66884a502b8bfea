
namespace Platform.Api.Reports;

/// <summary>The annual city monitoring report as JSON; the printable HTML page of the same content is <c>Pages/Reports/Annual</c>.</summary>
public static class ReportEndpoints
{
    [WolverineGet("/api/cities/{city}/reports/{year}", OperationId = "getCityReport")]
    public static async Task<IResult> Json(string city, string year, IQuerySession session, CityReportReader reader, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (ReportPage.CheckYear(year, clock.GetUtcNow(), out var y) is { } invalid) return Problems.Result([invalid]);
        var document = await session.LoadAsync<City>(city, cancellation);
        return document is null ? Problems.NotFound("city") : Results.Ok(await reader.ReadAsync(session, document, y, cancellation));
    }
}
