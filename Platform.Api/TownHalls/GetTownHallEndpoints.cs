using Marten;
using Marten.Pagination;
using Platform.Api.Concerns;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Projections.TownHalls;
using Wolverine.Http;

namespace Platform.Api.TownHalls;

/// <summary>Reads of a city's town halls; public.</summary>
public static class GetTownHallEndpoints
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The live state: status, the open poll with its running tally, past polls with final tallies, minutes, commitments, version.</summary>
    [WolverineGet("/api/cities/{city}/town-halls/{id}", OperationId = "getTownHall")]
    public static async Task<IResult> Get(Guid id, string city, IQuerySession session, TownHallReader reader, CancellationToken cancellation)
    {
        var details = await reader.FindAsync(session, city, id, cancellation);
        return details is null ? Problems.NotFound("town-hall") : Results.Ok(details);
    }

    /// <summary>The city's town halls, latest start first (<c>page</c> from 1, <c>pageSize</c> up to 100).</summary>
    [WolverineGet("/api/cities/{city}/town-halls", OperationId = "listTownHalls")]
    public static async Task<IResult> List(string city, int? page, int? pageSize, IQuerySession session, CancellationToken cancellation)
    {
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        var errors = new List<DomainError>();
        Paging.Check(number, size, MaxPageSize, errors);
        if (errors.Count > 0) return Problems.Result(errors);

        var views = await session.Query<TownHallView>()
            .OrderByDescending(t => t.StartsAt)
            .ThenByDescending(t => t.Id)
            .ToPagedListAsync(number, size, cancellation);
        return Results.Ok(new Paged<TownHallSummary>(views.Select(v => TownHallSummary.Of(city, v)).ToList(), number, size, views.TotalItemCount));
    }
}
