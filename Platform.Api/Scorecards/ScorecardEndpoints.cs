
namespace Platform.Api.Scorecards;

/// <summary>Public reads of the accountability views (rules in docs/scorecards.md).</summary>
public static class ScorecardEndpoints
{
    /// <summary>The city scorecard: concerns, proposals, commitments and consultations, with the view's version.</summary>
    [WolverineGet("/api/cities/{city}/scorecard", OperationId = "getCityScorecard")]
    public static async Task<IResult> Scorecard(string city, IQuerySession session, ScorecardReader reader,
        EqualParticipation.ParticipationBreakdownReader participation, CancellationToken cancellation) =>
        await reader.ScorecardAsync(session, city, cancellation) is { } scorecard
            ? Results.Ok(scorecard with { Participation = await participation.ReadAsync(session, city, cancellation) })
            : Problems.NotFound("city");

    /// <summary>The concern board: the <c>top</c> (1-100, default 50) most supported open concerns, counts by right and district.</summary>
    [WolverineGet("/api/cities/{city}/concern-board", OperationId = "getConcernBoard")]
    public static async Task<IResult> Board(string city, int? top, IQuerySession session, ConcernBoardReader reader, CancellationToken cancellation)
    {
        var size = top ?? ConcernBoardReader.DefaultBoardSize;
        if (size is < 1 or > ConcernBoardReader.MaxBoardSize)
            return Problems.Result([DomainError.Invalid("top", $"The board shows between 1 and {ConcernBoardReader.MaxBoardSize} concerns.")]);
        return await reader.BoardAsync(session, city, size, cancellation) is { } board ? Results.Ok(board) : Problems.NotFound("city");
    }

    /// <summary>The scorecards of all the network's cities side by side.</summary>
    [WolverineGet("/api/network/overview", OperationId = "getNetworkOverview")]
    public static async Task<IResult> Network(IQuerySession session, ScorecardReader reader, CancellationToken cancellation) =>
        Results.Ok(await reader.NetworkAsync(session, cancellation));
}
