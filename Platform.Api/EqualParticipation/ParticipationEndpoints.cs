namespace Platform.Api.EqualParticipation;

/// <summary>Who takes part in the city, against its population shares: public, counts only (docs/participation.md).</summary>
public static class ParticipationEndpoints
{
    [WolverineGet("/api/cities/{city}/participation", OperationId = "getParticipation")]
    public static async Task<IResult> Get(string city, IQuerySession session, CityDirectory cities, ParticipationBreakdownReader reader,
        CancellationToken cancellation) =>
        await cities.FindAsync(city, cancellation) is null
            ? Problems.NotFound("city")
            : Results.Ok(await reader.ReadAsync(session, city, cancellation));
}
