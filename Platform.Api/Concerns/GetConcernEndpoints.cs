using Marten;
using Marten.Pagination;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Projections.Concerns;
using Wolverine.Http;

namespace Platform.Api.Concerns;

/// <summary>Public reads of a city's concerns.</summary>
public static class GetConcernEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>One concern with its support count and version.</summary>
    [WolverineGet("/api/cities/{city}/concerns/{id}", OperationId = "getConcern")]
    public static async Task<IResult> Get(Guid id, string city, IQuerySession session, ConcernReader reader, CancellationToken cancellation)
    {
        var concern = await reader.LoadAsync(session, city, id, cancellation);
        return concern is null ? Problems.NotFound("concern") : Results.Ok(concern);
    }

    /// <summary>The city's concerns, newest first, a page at a time (<c>page</c> from 1, <c>pageSize</c> up to 100).</summary>
    [WolverineGet("/api/cities/{city}/concerns", OperationId = "listConcerns")]
    public static async Task<IResult> List(string city, int? page, int? pageSize, IQuerySession session, ConcernReader reader, CancellationToken cancellation)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var errors = new List<DomainError>();
        if (number < 1) errors.Add(DomainError.Invalid("page", "The page number starts at 1."));
        if (size is < 1 or > MaxPageSize) errors.Add(DomainError.Invalid("pageSize", $"The page size is between 1 and {MaxPageSize}."));
        if (errors.Count > 0) return Problems.Result(errors);

        var views = await session.Query<ConcernView>()
            .OrderByDescending(c => c.RaisedAt)
            .ThenByDescending(c => c.Id)
            .ToPagedListAsync(number, size, cancellation);
        var items = await reader.ToResponsesAsync(city, views.ToList(), cancellation);
        return Results.Ok(new Paged<ConcernResponse>(items, number, size, views.TotalItemCount));
    }
}

/// <summary>One page of a list.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
