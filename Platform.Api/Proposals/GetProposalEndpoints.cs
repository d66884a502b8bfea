
namespace Platform.Api.Proposals;

/// <summary>Reads of a city's proposals: public.</summary>
public static class GetProposalEndpoints
{
    public const int DefaultPageSize = ProposalQuery.DefaultPageSize;
    public const int MaxPageSize = ProposalQuery.MaxPageSize;

    /// <summary>One proposal with its support count, threshold, decision due date and version.</summary>
    [WolverineGet("/api/cities/{city}/proposals/{id}", OperationId = "getProposal")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, ProposalReader reader, CancellationToken cancellation) =>
        await reader.FindAsync(session, city, id, user, cancellation) is { } proposal ? Results.Ok(proposal) : Problems.NotFound("proposal");

    /// <summary>
    /// The city's proposals, newest first or most supported first (<c>sort=supports</c>), filtered by
    /// <c>right</c>, <c>sdgTarget</c>, <c>status</c>, <c>district</c> and text <c>q</c>; <c>page</c> from 1,
    /// <c>pageSize</c> up to 100.
    /// </summary>
    [WolverineGet("/api/cities/{city}/proposals", OperationId = "listProposals")]
    public static async Task<IResult> List(string city, string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, int? page, int? pageSize, ClaimsPrincipal user, ProposalReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var query = ProposalQuery.Parse(right, sdgTarget, status, district, q, sort, page, pageSize, errors);
        return errors.Count > 0 ? Problems.Result(errors) : Results.Ok(await reader.PageAsync(city, query, user, cancellation));
    }
}
