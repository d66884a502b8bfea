
namespace Platform.Api.Concerns;

/// <summary>Reads of a city's concerns: public, except hidden concerns, which only its officials and moderators see.</summary>
public static class GetConcernEndpoints
{
    public const int DefaultPageSize = ConcernQuery.DefaultPageSize;
    public const int MaxPageSize = ConcernQuery.MaxPageSize;

    /// <summary>One concern with its support count and version.</summary>
    [WolverineGet("/api/cities/{city}/concerns/{id}", OperationId = "getConcern")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, ConcernReader reader, CancellationToken cancellation) =>
        await reader.FindAsync(session, city, id, user, cancellation) is { } concern ? Results.Ok(concern) : Problems.NotFound("concern");

    /// <summary>
    /// The city's concerns, newest first or most supported first (<c>sort=supports</c>), filtered by
    /// <c>right</c>, <c>sdgTarget</c>, <c>status</c>, <c>district</c>, the affected <c>group</c> and text <c>q</c>; <c>page</c> from 1,
    /// <c>pageSize</c> up to 100. Hidden concerns are left out, except for the city's officials and
    /// moderators asking for <c>status=hidden</c>.
    /// </summary>
    [WolverineGet("/api/cities/{city}/concerns", OperationId = "listConcerns")]
    public static async Task<IResult> List(string city, string? right, string? sdgTarget, string? status, string? district, string? q,
        string? sort, string? page, string? pageSize, string? group, ClaimsPrincipal user, ConcernReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var query = ConcernQuery.Parse(right, sdgTarget, status, district, q, sort, page, pageSize, ConcernQuery.MaySeeHidden(user, city), errors)
            with { Group = ConcernQuery.ParseGroup(group, errors) };
        return errors.Count > 0 ? Problems.Result(errors) : Results.Ok(await reader.PageAsync(city, query, user, cancellation));
    }

    /// <summary>The caller's own concerns in the city, anonymous ones included (only the author can see they are theirs).</summary>
    [WolverineGet("/api/cities/{city}/concerns/mine", OperationId = "listMyConcerns")]
    [Authorize(Policy = Policies.SignedIn)]
    public static async Task<IResult> Mine(string city, string? page, string? pageSize, ClaimsPrincipal user, ConcernReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var query = ConcernQuery.Parse(null, null, null, null, null, null, page, pageSize, false, errors);
        if (errors.Count > 0) return Problems.Result(errors);
        return Results.Ok(await reader.PageAsync(city, query with { Author = user.AccountId(), IncludeHidden = true }, user, cancellation));
    }
}
