using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>Officials of the city record values, correct them (with a reason) and import files; anyone exports.</summary>
public static class MeasurementEndpoints
{
    [WolverinePost("/api/cities/{city}/indicators/{code}/measurements", OperationId = "recordMeasurement")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Record(string city, string code, MeasurementInput input, ClaimsPrincipal user,
        IDocumentSession session, MonitoringHandler handler, CancellationToken cancellation)
    {
        var (written, decision) = await handler.Handle(new RecordMeasurement(SeriesStream.Id(city, code), code, user.AccountId(), input), session, cancellation);
        if (written.IsRefused) return written.Problem;
        return decision!.Events.FirstOrDefault() switch
        {
            MeasurementRecorded r => Results.Created($"/api/cities/{city}/indicators/{code}", new { Recorded = "recorded", r.Measurement }),
            MeasurementCorrected c => Results.Created($"/api/cities/{city}/indicators/{code}", new { Recorded = "corrected", c.Measurement }),
            _ => Results.Ok(new { Recorded = "unchanged" }),
        };
    }

    /// <summary>
    /// A file in the Open SDG layout (text/csv body). All rows or none: any problem answers a row-by-row report
    /// (line, column, problem) and stores nothing. <c>source</c> and <c>methodNote</c> apply to every row;
    /// <c>reason</c> allows rows that replace recorded values (corrections).
    /// </summary>
    [WolverinePost("/api/cities/{city}/indicators/{code}/measurements/import", OperationId = "importMeasurements")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Import(string city, string code, string? source, string? methodNote, string? reason,
        HttpRequest request, ClaimsPrincipal user, IDocumentSession session, MonitoringHandler handler, CancellationToken cancellation)
    {
        // Read asynchronously (Kestrel allows no synchronous reads of a body) and no further than the limit.
        if (await ImportReport.ReadAsync(request.Body, request.ContentLength, cancellation) is not { } text) return ImportReport.TooLarge();
        var command = ImportReport.Command(city, code, user.AccountId(), text, source, methodNote, reason);
        var (written, decision) = await handler.Handle(command, session, cancellation);
        if (written.IsRefused) return ImportReport.Problem(written);
        return Results.Ok(new { Imported = MeasurementImport.Imported(decision!), Unchanged = MeasurementImport.Unchanged(command, decision!) });
    }

    [WolverineGet("/api/cities/{city}/indicators/{code}/data.csv", OperationId = "exportMeasurementsCsv")]
    public static async Task<IResult> ExportCsv(string city, string code, IQuerySession session, CancellationToken cancellation)
    {
        var series = await session.LoadAsync<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
        return series is null ? Problems.NotFound("series") : Results.Text(OpenSdgCsv.Write(series), "text/csv; charset=utf-8");
    }

    [WolverineGet("/api/cities/{city}/indicators/{code}/data.json", OperationId = "exportMeasurementsJson")]
    public static async Task<IResult> ExportJson(string city, string code, IQuerySession session, CancellationToken cancellation)
    {
        var series = await session.LoadAsync<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
        return series is null ? Problems.NotFound("series") : Results.Json(OpenSdgCsv.Rows(series));
    }
}
