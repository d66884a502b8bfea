using Marten;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Wolverine.Http;

namespace Platform.Api.Reports;

/// <summary>The annual city monitoring report, as JSON and as a printable HTML page (same content).</summary>
public static class ReportEndpoints
{
    [WolverineGet("/api/cities/{city}/reports/{year}", OperationId = "getCityReport")]
    public static async Task<IResult> Json(string city, string year, IQuerySession session, CityReportReader reader, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (document, problem) = await FindAsync(city, year, session, clock, cancellation);
        return problem ?? Results.Ok(await reader.ReadAsync(session, document!, int.Parse(year), cancellation));
    }

    [WolverineGet("/cities/{city}/reports/{year}", OperationId = "getCityReportPage")]
    public static async Task<IResult> Page(string city, string year, IQuerySession session, CityReportReader reader, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (document, problem) = await FindAsync(city, year, session, clock, cancellation);
        if (problem is not null) return problem;
        var report = await reader.ReadAsync(session, document!, int.Parse(year), cancellation);
        return Results.Content(ReportPage.Render(report), "text/html; charset=utf-8");
    }

    /// <summary>A report covers a year from <see cref="CityReportReader.FirstYear"/> to the current one.</summary>
    private static async Task<(City? City, IResult? Problem)> FindAsync(string city, string year, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (!int.TryParse(year, out var y) || y < CityReportReader.FirstYear || y > clock.GetUtcNow().Year)
            return (null, Problems.Result([DomainError.Invalid("year", $"A report covers a year from {CityReportReader.FirstYear} to {clock.GetUtcNow().Year}.")]));
        var document = await session.LoadAsync<City>(city, cancellation);
        return document is null ? (null, Problems.NotFound("city")) : (document, null);
    }
}
