namespace Platform.Domain.Assessments;

// Every command names its cycle's stream (AssessmentStream.Of(city, cycle)) and who acts on it (AssessmentCaller:
// peer reviews cross cities, so the rules need every city the caller is an official of). Input fields are nullable:
// they arrive from clients as they are.

/// <summary>
/// Start the city's assessment cycle (such as "2026"). <see cref="OpenCycle"/> is what the handler knows and the caller
/// does not: the city's cycle still in draft, if any (one open cycle per city at a time).
/// </summary>
public sealed record StartAssessment(Guid AssessmentId, string City, string? Cycle, AssessmentCaller Caller)
{
    public string? OpenCycle { get; init; }
}

/// <summary>Assess one framework item: its level (notStarted, planned, inPlace, inPlaceAndEvaluated) and evidence links.</summary>
public sealed record AssessElement(Guid AssessmentId, AssessmentCaller Caller, string? Item, string? Level, IReadOnlyList<string?>? Evidence, string? Note);

public sealed record SubmitAssessment(Guid AssessmentId, AssessmentCaller Caller);

/// <summary>A network administrator names the reviewing city; <see cref="ReviewerCityExists"/> is set by the handler, which knows the network's cities.</summary>
public sealed record AssignPeerReviewer(Guid AssessmentId, AssessmentCaller Caller, string? ReviewerCity)
{
    public bool ReviewerCityExists { get; init; }
}

public sealed record RecordFinding(Guid AssessmentId, AssessmentCaller Caller, string? Item, string? Finding);

/// <summary>Draft a recommendation under the new id <paramref name="RecommendationId"/>.</summary>
public sealed record DraftRecommendation(Guid AssessmentId, Guid RecommendationId, AssessmentCaller Caller, string? Text, string? Item, IReadOnlyList<string?>? Rights);

public sealed record SubmitPeerReview(Guid AssessmentId, AssessmentCaller Caller);

/// <summary>Mark a recommendation <c>supported</c> or <c>noted</c>; a noted one needs a note saying why.</summary>
public sealed record AnswerRecommendation(Guid AssessmentId, Guid RecommendationId, AssessmentCaller Caller, string? Response, string? Note);

public sealed record ReportFollowUp(Guid AssessmentId, Guid RecommendationId, AssessmentCaller Caller, string? Text, DateOnly? Date, string? Status);

public sealed record LinkCommitment(Guid AssessmentId, Guid RecommendationId, AssessmentCaller Caller, Guid? CommitmentId);

public sealed record AwardRecognition(Guid AssessmentId, AssessmentCaller Caller, string? Level);

/// <summary>
/// An official records that the city declared its commitment to become a human rights city: the date of the council's
/// decision and a link to it. With a first self-assessment started, the city is a candidate for recognition.
/// </summary>
public sealed record DeclareHumanRightsCommitment(Guid DeclarationId, string City, Guid OfficialId, DateOnly? DecidedOn, string? DecisionUrl);
