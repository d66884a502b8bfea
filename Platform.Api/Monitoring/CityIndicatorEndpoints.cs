using Platform.Domain.Monitoring;
using Platform.Domain.Reference;
using Platform.Projections.Consultations;

namespace Platform.Api.Monitoring;

/// <summary>A city's indicator set: officials adopt indicators and change targets; anyone reads the set with its status.</summary>
public static class CityIndicatorEndpoints
{
    [WolverinePost("/api/cities/{city}/indicators", OperationId = "adoptIndicator")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Adopt(string city, AdoptIndicatorRequest request, ClaimsPrincipal user, IDocumentSession session,
        MonitoringHandler handler, MonitoringReader reader, CancellationToken cancellation)
    {
        var code = request.Code?.Trim() ?? "";
        var written = await handler.Handle(new AdoptIndicator(SeriesStream.Id(city, code), user.AccountId(), request.Code, request.Baseline, request.Target,
            request.TargetYear, request.Department, request.ConsultationId, request.Local), session, cancellation);
        if (written.IsRefused) return written.Problem;
        var series = await reader.SeriesAsync(session, city, code, cancellation);
        return Results.Created($"/api/cities/{city}/indicators/{code}", SeriesDetails.Of(series!, city));
    }

    /// <summary>The city's set with latest values, trends and statuses, and the common-core indicators it has not adopted yet.</summary>
    [WolverineGet("/api/cities/{city}/indicators", OperationId = "listCityIndicators")]
    public static async Task<IResult> List(string city, IQuerySession session, MonitoringReader reader, CancellationToken cancellation) =>
        Results.Ok(await reader.ListAsync(session, city, cancellation));

    /// <summary>One series with its status and every current value (with the values corrections replaced).</summary>
    [WolverineGet("/api/cities/{city}/indicators/{code}", OperationId = "getCityIndicator")]
    public static async Task<IResult> Get(string city, string code, IQuerySession session, MonitoringReader reader, CancellationToken cancellation) =>
        await reader.GetAsync(session, city, code, cancellation) is { } series ? Results.Ok(series) : Problems.NotFound("series");

    [WolverinePut("/api/cities/{city}/indicators/{code}/target", OperationId = "changeIndicatorTarget")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> ChangeTarget(string city, string code, ChangeTargetRequest request, ClaimsPrincipal user, IDocumentSession session,
        MonitoringHandler handler, MonitoringReader reader, CancellationToken cancellation)
    {
        var written = await handler.Handle(new ChangeTarget(SeriesStream.Id(city, code), user.AccountId(), request.Target, request.TargetYear, request.Reason) { Code = code },
            session, cancellation);
        if (written.IsRefused) return written.Problem;
        var series = await reader.SeriesAsync(session, city, code, cancellation);
        return Results.Ok(SeriesDetails.Of(series!, city));
    }
}
