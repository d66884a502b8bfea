using System.Security.Claims;
using Marten;
using Platform.Api.Accounts;
using Platform.Api.Concerns;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Proposals;
using Platform.Domain.Reference;
using Wolverine.Http;

namespace Platform.Api.Proposals;

/// <summary>Reads of a city's proposals: public.</summary>
public static class GetProposalEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>One proposal with its support count, threshold, decision due date and version.</summary>
    [WolverineGet("/api/cities/{city}/proposals/{id}", OperationId = "getProposal")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, ProposalReader reader, CancellationToken cancellation) =>
        await reader.LoadAsync(session, city, id, cancellation, Caller(user)) is { } proposal ? Results.Ok(proposal) : Problems.NotFound("proposal");

    /// <summary>
    /// The city's proposals, newest first or most supported first (<c>sort=supports</c>), filtered by
    /// <c>right</c>, <c>sdgTarget</c>, <c>status</c>, <c>district</c> and text <c>q</c>; <c>page</c> from 1,
    /// <c>pageSize</c> up to 100.
    /// </summary>
    [WolverineGet("/api/cities/{city}/proposals", OperationId = "listProposals")]
    public static async Task<IResult> List(string city, string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, int? page, int? pageSize, ClaimsPrincipal user, ProposalReader reader, CancellationToken cancellation)
    {
        var (query, errors) = Parse(right, sdgTarget, status, district, q, sort, page, pageSize);
        if (errors.Count > 0) return Problems.Result(errors);
        var (items, total) = await reader.ListAsync(city, query, Caller(user), cancellation);
        return Results.Ok(new Paged<ProposalResponse>(items, query.Page, query.PageSize, total));
    }

    private static Guid? Caller(ClaimsPrincipal user) => user.IsSignedIn() ? user.AccountId() : null;

    private static (ProposalQuery, List<DomainError>) Parse(string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, int? page, int? pageSize)
    {
        var errors = new List<DomainError>();
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        Paging.Check(number, size, MaxPageSize, errors);
        if (right is not null && !ReferenceCatalogue.Default.IsRight(right)) errors.Add(DomainError.Invalid("right", $"'{right}' is not a right of the catalogue."));
        if (sdgTarget is not null && !ReferenceCatalogue.Default.IsSdgTarget(sdgTarget)) errors.Add(DomainError.Invalid("sdgTarget", $"'{sdgTarget}' is not a known SDG target."));
        ProposalStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<ProposalStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
            else errors.Add(DomainError.Invalid("status", $"'{status}' is not a status (open, thresholdReached, accepted, rejected, withdrawn)."));
        }
        if (sort is not null && sort is not ("recent" or "supports")) errors.Add(DomainError.Invalid("sort", "Sort by 'recent' or 'supports'."));
        if (q is { Length: > 200 }) errors.Add(DomainError.Invalid("q", "The search text may have at most 200 characters."));
        return (new ProposalQuery(right, sdgTarget, parsedStatus, string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), sort == "supports", number, size), errors);
    }
}
