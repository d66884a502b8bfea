using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Accounts;
using Platform.Domain.Concerns;
using Platform.Domain.Reference;
using Wolverine.Http;

namespace Platform.Api.Concerns;

/// <summary>Reads of a city's concerns: public, except hidden concerns, which only its officials and moderators see.</summary>
public static class GetConcernEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>One concern with its support count and version.</summary>
    [WolverineGet("/api/cities/{city}/concerns/{id}", OperationId = "getConcern")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, ConcernReader reader, CancellationToken cancellation)
    {
        var concern = await reader.LoadAsync(session, city, id, cancellation, Caller(user));
        return concern is null || concern.Status == ConcernStatus.Hidden && !MaySeeHidden(user, city)
            ? Problems.NotFound("concern")
            : Results.Ok(concern);
    }

    /// <summary>
    /// The city's concerns, newest first or most supported first (<c>sort=supports</c>), filtered by
    /// <c>right</c>, <c>sdgTarget</c>, <c>status</c>, <c>district</c> and text <c>q</c>; <c>page</c> from 1,
    /// <c>pageSize</c> up to 100. Hidden concerns are left out, except for the city's officials and
    /// moderators asking for <c>status=hidden</c>.
    /// </summary>
    [WolverineGet("/api/cities/{city}/concerns", OperationId = "listConcerns")]
    public static async Task<IResult> List(string city, string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, string? page, string? pageSize, ClaimsPrincipal user, ConcernReader reader, CancellationToken cancellation)
    {
        var (query, errors) = Parse(right, sdgTarget, status, district, q, sort, page, pageSize);
        if (query.Status == ConcernStatus.Hidden && !MaySeeHidden(user, city))
            errors.Add(new DomainError(ErrorKind.Forbidden, "hidden-concerns", "Only the city's officials and moderators list hidden concerns.", "status"));
        if (errors.Count > 0) return Problems.Result(errors);

        var (items, total) = await reader.ListAsync(city, query, Caller(user), cancellation);
        return Results.Ok(new Paged<ConcernResponse>(items, query.Page, query.PageSize, total));
    }

    /// <summary>The caller's own concerns in the city, anonymous ones included (only the author can see they are theirs).</summary>
    [WolverineGet("/api/cities/{city}/concerns/mine", OperationId = "listMyConcerns")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Mine(string city, string? page, string? pageSize, ClaimsPrincipal user, ConcernReader reader, CancellationToken cancellation)
    {
        var (query, errors) = Parse(null, null, null, null, null, null, page, pageSize);
        if (errors.Count > 0) return Problems.Result(errors);
        var (items, total) = await reader.ListAsync(city, query with { Author = user.AccountId(), IncludeHidden = true }, user.AccountId(), cancellation);
        return Results.Ok(new Paged<ConcernResponse>(items, query.Page, query.PageSize, total));
    }

    internal static bool MaySeeHidden(ClaimsPrincipal user, string city) =>
        user.HoldsRole(city, CityRole.Official) || user.HoldsRole(city, CityRole.Moderator);

    private static Guid? Caller(ClaimsPrincipal user) => user.IsSignedIn() ? user.AccountId() : null;

    private static (ConcernQuery, List<DomainError>) Parse(string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, string? page, string? pageSize)
    {
        // Paging arrives as text: a number that does not parse is refused, not silently replaced by the default.
        var errors = new List<DomainError>();
        var number = 1;
        var size = DefaultPageSize;
        // A value that is not a number is checked as the out-of-range 0, so it is refused with the same message.
        if (page is not null && !int.TryParse(page, out number)) number = 0;
        if (pageSize is not null && !int.TryParse(pageSize, out size)) size = 0;
        Paging.Check(number, size, MaxPageSize, errors);
        if (right is not null && !ReferenceCatalogue.Default.IsRight(right)) errors.Add(DomainError.Invalid("right", $"'{right}' is not a right of the catalogue."));
        if (sdgTarget is not null && !ReferenceCatalogue.Default.IsSdgTarget(sdgTarget)) errors.Add(DomainError.Invalid("sdgTarget", $"'{sdgTarget}' is not a known SDG target."));
        ConcernStatus? parsedStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<ConcernStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) parsedStatus = s;
            else errors.Add(DomainError.Invalid("status", $"'{status}' is not a status ({string.Join(", ", Enum.GetNames<ConcernStatus>()).ToLowerInvariant()})."));
        }
        if (sort is not null && sort is not ("recent" or "supports")) errors.Add(DomainError.Invalid("sort", "Sort by 'recent' or 'supports'."));
        if (q is { Length: > 200 }) errors.Add(DomainError.Invalid("q", "The search text may have at most 200 characters."));
        return (new ConcernQuery(right, sdgTarget, parsedStatus, string.IsNullOrWhiteSpace(district) ? null : district.Trim(),
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), sort == "supports", Page: number, PageSize: size), errors);
    }
}
