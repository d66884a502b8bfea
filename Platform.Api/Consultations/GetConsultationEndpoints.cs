using Marten.Pagination;
using Platform.Api.Concerns;
using Platform.Domain.Consultations;
using Platform.Projections.Consultations;

namespace Platform.Api.Consultations;

/// <summary>Reads of a city's consultations. Public, except drafts (officials of the city only) and free-text answers.</summary>
public static class GetConsultationEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    [WolverineGet("/api/cities/{city}/consultations/{id}", OperationId = "getConsultation")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, ConsultationReader reader, CancellationToken cancellation) =>
        await reader.FindAsync(session, city, id, user, cancellation) is { } consultation ? Results.Ok(consultation) : Problems.NotFound("consultation");

    /// <summary>
    /// Participation, tallies per option, means of scales; free-text answers for officials of the city only. Answers are
    /// withheld for groups under five, and from the public while the consultation is open (<see cref="ConsultationReader.Disclosed"/>).
    /// </summary>
    [WolverineGet("/api/cities/{city}/consultations/{id}/results", OperationId = "getConsultationResults")]
    public static async Task<IResult> GetResults(Guid id, string city, ClaimsPrincipal user, IQuerySession session, ConsultationReader reader, CancellationToken cancellation) =>
        await reader.FindResultsAsync(session, city, id, user, cancellation) is { } results ? Results.Ok(results) : Problems.NotFound("consultation");

    /// <summary>The city's consultations, newest first (<c>page</c> from 1, <c>pageSize</c> up to 100); drafts only for officials.</summary>
    [WolverineGet("/api/cities/{city}/consultations", OperationId = "listConsultations")]
    public static async Task<IResult> List(string city, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var errors = new List<DomainError>();
        Paging.Check(number, size, MaxPageSize, errors);
        if (errors.Count > 0) return Problems.Result(errors);
        return Results.Ok(await ConsultationReader.ListAsync(session, city, number, size, user, cancellation));
    }
}
