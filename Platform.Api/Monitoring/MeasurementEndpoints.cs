using System.Security.Claims;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Monitoring;
using Wolverine.Http;

namespace Platform.Api.Monitoring;

/// <summary>Officials of the city record values, correct them (with a reason) and import files; anyone exports.</summary>
public static class MeasurementEndpoints
{
    private static readonly DomainError SeriesChanged =
        DomainError.Conflict("series-changed", "Another value was recorded for this series at the same moment; try again.");

    [WolverinePost("/api/cities/{city}/indicators/{code}/measurements", OperationId = "recordMeasurement")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Record(string city, string code, RecordMeasurement command, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
        if (stream.Aggregate is not { } series) return await NotAdoptedAsync(session, code, cancellation);
        var current = await CurrentDefinitionAsync(session, series, cancellation);
        var decision = IndicatorSeriesDecider.Decide(command, series, current, user.AccountId(), clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        if (decision.Events.Count == 0) return Results.Ok(new { Recorded = "unchanged" });

        stream.AppendMany(decision.Events);
        if (await StreamWrite.CommitAsync(session, SeriesChanged, cancellation) is { } lost) return lost.Problem;
        var corrected = decision.Events[0] is MeasurementCorrected;
        var recorded = decision.Events[0] switch { MeasurementRecorded r => r.Measurement, MeasurementCorrected c => c.Measurement, _ => null };
        return Results.Created($"/api/cities/{city}/indicators/{code}", new { Recorded = corrected ? "corrected" : "recorded", Measurement = recorded });
    }

    /// <summary>
    /// A file in the Open SDG layout (text/csv body). All rows or none: any problem answers a row-by-row report
    /// (line, column, problem) and stores nothing. <c>source</c> and <c>methodNote</c> apply to every row;
    /// <c>reason</c> allows rows that replace recorded values (corrections).
    /// </summary>
    [WolverinePost("/api/cities/{city}/indicators/{code}/measurements/import", OperationId = "importMeasurements")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Import(string city, string code, string? source, string? methodNote, string? reason,
        HttpRequest request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
        if (stream.Aggregate is not { } series) return await NotAdoptedAsync(session, code, cancellation);

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellation); // Kestrel allows no synchronous reads of a body
        var (rows, malformed, cells) = OpenSdgCsv.Read(text);
        if (malformed.Count > 0) return ImportProblems(StatusCodes.Status400BadRequest, "malformed-csv", "The file is not in the Open SDG layout.", malformed);

        var current = await CurrentDefinitionAsync(session, series, cancellation);
        var decision = MeasurementImport.Decide(rows, source, methodNote, reason, series, current, user.AccountId(), clock.GetUtcNow());
        if (decision.Problems.Count > 0 || cells.Count > 0)
            return ImportProblems(StatusCodes.Status422UnprocessableEntity, "import-refused", "Some rows cannot be imported; nothing was stored.",
                cells.Concat(decision.Problems).OrderBy(p => p.Line).ToList());
        if (decision.Event is { } imported)
        {
            stream.AppendOne(imported);
            if (await StreamWrite.CommitAsync(session, SeriesChanged, cancellation) is { } lost) return lost.Problem;
        }
        return Results.Ok(new { Imported = decision.Event?.Measurements.Length ?? 0, decision.Unchanged });
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

    /// <summary>The catalogue's current revision for a catalogue indicator; a local indicator's own definition otherwise.</summary>
    private static async Task<IndicatorDefinition> CurrentDefinitionAsync(IQuerySession session, IndicatorSeries series, CancellationToken cancellation) =>
        series.Local ? series.Definition : await IndicatorCatalogue.FindAsync(session, series.Code, cancellation) ?? series.Definition;

    /// <summary>An unknown indicator, or one the city has not adopted: both 404, told apart by their code.</summary>
    private static async Task<IResult> NotAdoptedAsync(IQuerySession session, string code, CancellationToken cancellation) =>
        await IndicatorCatalogue.FindAsync(session, code, cancellation) is null ? Problems.NotFound("indicator") : Problems.NotFound("series");

    private static IResult ImportProblems(int status, string code, string title, IReadOnlyList<ImportProblem> problems) =>
        Results.Problem(statusCode: status, title: title, type: $"https://human-rights-cities.org/problems/{code}",
            detail: $"{problems.Count} problem(s); the first: line {problems[0].Line}, column {problems[0].Column}: {problems[0].Problem}",
            extensions: new Dictionary<string, object?> { ["code"] = code, ["problems"] = problems.Take(1000).ToList(), ["problemCount"] = problems.Count });
}
