using Platform.Api.Reports;

namespace Platform.Api.NetworkReports;

/// <summary>The network's annual report as JSON; the page of the same content is <c>Pages/Network/Report</c>.</summary>
public static class NetworkReportEndpoints
{
    /// <summary>400 naming <c>year</c> for a year that is not one from 2000 to the current one; 404 for a year in which no city did anything.</summary>
    [WolverineGet("/api/network/reports/{year}", OperationId = "getNetworkReport")]
    public static async Task<IResult> Get(string year, IQuerySession session, NetworkReportReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        if (ReportPage.CheckYear(year, clock.GetUtcNow(), out var y) is { } invalid) return Problems.Result([invalid]);
        return await reader.ReadAsync(session, y, cancellation) is { } report ? Results.Ok(report) : Problems.NotFound("report");
    }
}
