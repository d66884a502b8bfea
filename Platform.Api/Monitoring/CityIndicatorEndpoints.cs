using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;
using Platform.Projections.Consultations;
using Wolverine.Http;

namespace Platform.Api.Monitoring;

/// <summary>A city's indicator set: officials adopt indicators and change targets; anyone reads the set with its status.</summary>
public static class CityIndicatorEndpoints
{
    [WolverinePost("/api/cities/{city}/indicators", OperationId = "adoptIndicator")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Adopt(string city, AdoptIndicator command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var code = command.Code?.Trim() ?? "";
        var catalogued = code.Length > 0 ? await IndicatorCatalogue.FindAsync(session, code, cancellation) : null;
        var id = SeriesStream.Id(city, code);
        var existing = code.Length > 0 ? await session.LoadAsync<IndicatorSeries>(id, cancellation) : null;
        var decision = IndicatorSeriesDecider.Decide(command, existing, catalogued, id, user.AccountId(), clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        if (command.ConsultationId is { } consultation && await session.LoadAsync<ConsultationView>(consultation, cancellation) is null)
            return Problems.Result([DomainError.Invalid("consultationId", "No consultation of this city has this id.")]);

        session.Events.StartStream<IndicatorSeries>(id, decision.Events);
        if (await StreamWrite.CommitAsync(session, DomainError.Conflict("indicator-already-adopted", $"The city has adopted {code} already."), cancellation) is { } lost)
            return lost.Problem;
        var series = await session.LoadAsync<IndicatorSeries>(id, cancellation);
        return Results.Created($"/api/cities/{city}/indicators/{code}", SeriesDetails.Of(series!));
    }

    /// <summary>The city's set with latest values, trends and statuses, and the common-core indicators it has not adopted yet.</summary>
    [WolverineGet("/api/cities/{city}/indicators", OperationId = "listCityIndicators")]
    public static async Task<IResult> List(string city, IQuerySession session, CancellationToken cancellation)
    {
        var series = await session.Query<IndicatorSeries>().OrderBy(s => s.Code).ToListAsync(cancellation);
        var adopted = series.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var core = (await IndicatorCatalogue.AllAsync(session, cancellation)).Where(i => i.Core).ToList();
        var missing = core.Where(i => !adopted.Contains(i.Code)).Select(i => new { i.Code, i.Name }).ToList();
        return Results.Ok(new
        {
            City = city,
            Indicators = series.Select(SeriesDetails.Of),
            Core = new { Required = core.Count, Adopted = core.Count - missing.Count, Complete = missing.Count == 0, Missing = missing },
        });
    }

    /// <summary>One series with its status and every current value (with the values corrections replaced).</summary>
    [WolverineGet("/api/cities/{city}/indicators/{code}", OperationId = "getCityIndicator")]
    public static async Task<IResult> Get(string city, string code, IQuerySession session, CancellationToken cancellation)
    {
        var series = await session.LoadAsync<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
        if (series is null) return Problems.NotFound("series");
        var values = series.Points.Values.OrderBy(p => p.PeriodOf()).ThenBy(p => Disaggregation.Key(p.Measurement.Disaggregation), StringComparer.Ordinal)
            .Select(p => new
            {
                p.Measurement.Period, p.Measurement.Disaggregation, p.Measurement.Value, p.Measurement.Denominator, p.Measurement.Source,
                p.Measurement.MethodNote, p.Measurement.GeoCode, p.IndicatorVersion, p.RecordedAt, p.CorrectionReason, p.History,
            });
        return Results.Ok(new { Series = SeriesDetails.Of(series), Values = values });
    }

    [WolverinePut("/api/cities/{city}/indicators/{code}/target", OperationId = "changeIndicatorTarget")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> ChangeTarget(string city, string code, ChangeTarget command, ClaimsPrincipal user, IDocumentSession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<IndicatorSeries>(SeriesStream.Id(city, code), cancellation);
        var decision = IndicatorSeriesDecider.Decide(command, stream.Aggregate, user.AccountId(), clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        var series = await session.LoadAsync<IndicatorSeries>(stream.Id, cancellation);
        return Results.Ok(SeriesDetails.Of(series!));
    }
}
