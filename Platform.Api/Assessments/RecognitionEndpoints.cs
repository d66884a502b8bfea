using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>A city's recognition by the network, as its profile shows it (awards are written through <see cref="AssessmentEndpoints"/>).</summary>
public static class RecognitionEndpoints
{
    /// <summary>The city's public recognition: the highest level held (latest award first among equals) and every award.</summary>
    [WolverineGet("/api/cities/{city}/recognition", OperationId = "getCityRecognition")]
    public static async Task<IResult> Get(string city, IQuerySession session, CancellationToken cancellation) =>
        Results.Ok(await AssessmentReader.RecognitionAsync(session, city, cancellation));
}

/// <summary>A city's recognition: <paramref name="Current"/> is null until one is awarded.</summary>
public sealed record CityRecognition(string City, RecognitionView? Current, RecognitionView[] Awards);
