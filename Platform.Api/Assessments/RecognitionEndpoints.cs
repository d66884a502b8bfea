using Platform.Domain.Assessments;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>A city's recognition by the network, as its profile shows it (awards are written through <see cref="AssessmentEndpoints"/>).</summary>
public static class RecognitionEndpoints
{
    /// <summary>
    /// The city's public recognition: its stage (<c>none</c>, <c>candidate</c> since when, <c>recognised</c>, <c>advanced</c>),
    /// the highest level held (latest award first among equals), every award, its declaration, and what the next level needs.
    /// </summary>
    [WolverineGet("/api/cities/{city}/recognition", OperationId = "getCityRecognition")]
    public static async Task<IResult> Get(string city, IQuerySession session, CancellationToken cancellation) =>
        Results.Ok(await AssessmentReader.RecognitionAsync(session, city, cancellation));

    /// <summary>
    /// Records the city's declaration of its commitment to become a human rights city (<c>decidedOn</c>, the council's
    /// decision date; <c>decisionUrl</c>, a link to it), once: with a first self-assessment started, the city is a candidate.
    /// </summary>
    [WolverinePost("/api/cities/{city}/recognition/declaration", OperationId = "declareHumanRightsCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Declare(DeclareCommitmentRequest body, string city, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, CancellationToken cancellation)
    {
        var written = await handler.Handle(new DeclareHumanRightsCommitment(AssessmentStream.Declaration(city), city, user.AccountId(), body.DecidedOn,
            body.DecisionUrl), session, cancellation);
        return written.IsRefused ? written.Problem : Results.Ok(await AssessmentReader.RecognitionAsync(session, city, cancellation));
    }
}

/// <summary>
/// A city's recognition: <paramref name="Current"/> is null until one is awarded. <paramref name="Stage"/> is derived (a
/// candidate since <paramref name="CandidateSince"/>: declared and its first cycle started); <paramref name="Unmet"/> are the
/// rules of <paramref name="NextLevel"/> that the latest submitted cycle (<paramref name="AssessedCycle"/>, null when none) does not meet.
/// </summary>
public sealed record CityRecognition(string City, RecognitionView? Current, RecognitionView[] Awards, RecognitionStage Stage, DateTimeOffset? CandidateSince,
    DeclarationDetails? Declaration, DateTimeOffset? FirstAssessmentStartedAt, RecognitionLevel? NextLevel, string? AssessedCycle, UnmetRule[] Unmet);

/// <summary>The city's declaration: the council's decision date, a link to it, and when it was recorded.</summary>
public sealed record DeclarationDetails(DateOnly DecidedOn, string DecisionUrl, DateTimeOffset DeclaredAt);

/// <summary>A rule of the next level not met yet, with what is missing.</summary>
public sealed record UnmetRule(string Code, string Message);
