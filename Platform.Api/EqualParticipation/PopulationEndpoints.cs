namespace Platform.Api.EqualParticipation;

/// <summary>The city's population shares per group, with their source: entered by its officials, read by anyone.</summary>
public static class PopulationEndpoints
{
    /// <summary>Enters the shares (replacing the last entry): 200 with them, or 400 naming each field at fault.</summary>
    [WolverinePut("/api/cities/{city}/population", OperationId = "setPopulationShares")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Put(string city, PopulationRequest request, ClaimsPrincipal user, IDocumentSession session, PopulationHandler handler,
        CancellationToken cancellation)
    {
        var (shares, errors) = await handler.SaveAsync(session, user.AccountId(), request, cancellation);
        return shares is null ? Problems.Result(errors) : Results.Ok(shares);
    }

    /// <summary>The shares as last entered; 404 when the city has entered none.</summary>
    [WolverineGet("/api/cities/{city}/population", OperationId = "getPopulationShares")]
    public static async Task<IResult> Get(string city, IQuerySession session, CancellationToken cancellation) =>
        await PopulationHandler.FindAsync(session, cancellation) is { } shares ? Results.Ok(PopulationDetails.Of(shares)) : Problems.NotFound("population");
}
