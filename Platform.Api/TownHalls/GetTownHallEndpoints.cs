
namespace Platform.Api.TownHalls;

/// <summary>Reads of a city's town halls; public.</summary>
public static class GetTownHallEndpoints
{
    /// <summary>The live state: status, the open poll with its running tally, past polls with final tallies, minutes, commitments, version.</summary>
    [WolverineGet("/api/cities/{city}/town-halls/{id}", OperationId = "getTownHall")]
    public static async Task<IResult> Get(Guid id, string city, IQuerySession session, TownHallReader reader, CancellationToken cancellation)
    {
        var details = await reader.FindAsync(session, city, id, cancellation);
        return details is null ? Problems.NotFound("town-hall") : Results.Ok(details);
    }

    /// <summary>The city's town halls, latest start first (<c>page</c> from 1, <c>pageSize</c> up to 100).</summary>
    [WolverineGet("/api/cities/{city}/town-halls", OperationId = "listTownHalls")]
    public static async Task<IResult> List(string city, int? page, int? pageSize, IQuerySession session, TownHallReader reader, CancellationToken cancellation)
    {
        var (found, errors) = await reader.ListAsync(session, city, page ?? 1, pageSize ?? TownHallReader.DefaultPageSize, cancellation);
        return found is null ? Problems.Result(errors) : Results.Ok(found);
    }
}
