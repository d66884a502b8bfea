using Platform.Api.Concerns;
using Platform.Domain.Commitments;
using Platform.Domain.Reference;

namespace Platform.Api.Commitments;

/// <summary>Reads of a city's commitments: public, as accountability requires.</summary>
public static class GetCommitmentEndpoints
{
    /// <summary>One commitment with its status, progress (rolled up from sub-commitments), full timeline and version.</summary>
    [WolverineGet("/api/cities/{city}/commitments/{id}", OperationId = "getCommitment")]
    public static async Task<IResult> Get(Guid id, string city, IQuerySession session, CommitmentReader reader, CancellationToken cancellation)
    {
        var commitment = await reader.LoadAsync(session, city, id, cancellation);
        return commitment is null ? Problems.NotFound("commitment") : Results.Ok(commitment);
    }

    /// <summary>
    /// The city's commitments, newest first, filtered by <c>status</c> (onTrack, atRisk, overdue, fulfilled,
    /// abandoned), <c>right</c>, <c>sdgTarget</c>, <c>department</c> (any case), <c>origin</c> ("kind:id" or
    /// "id") and <c>parent</c> (sub-commitments of one); <c>page</c> from 1, <c>pageSize</c> up to 100.
    /// Timelines are left out of lists.
    /// </summary>
    [WolverineGet("/api/cities/{city}/commitments", OperationId = "listCommitments")]
    public static async Task<IResult> List(string city, string? status, string? right, string? sdgTarget, string? department, string? origin,
        Guid? parent, int? page, int? pageSize, IQuerySession session, CommitmentReader reader, CancellationToken cancellation)
    {
        var query = CommitmentReader.Query(status, right, sdgTarget, department, origin, parent, page, pageSize, out var errors);
        if (errors.Count > 0) return Problems.Result(errors);
        return Results.Ok(await reader.PageAsync(session, city, query, cancellation));
    }
}
