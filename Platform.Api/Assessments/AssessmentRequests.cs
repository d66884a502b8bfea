namespace Platform.Api.Assessments;

// The bodies of the assessment endpoints: only what a caller may send (the cycle and the caller come from the route
// and the sign-in). Fields are nullable: they arrive as they are, and the rules say what is missing.

/// <summary>The cycle to start, such as "2026".</summary>
public sealed record StartAssessmentRequest(string? Cycle);

/// <summary>The assessment of one framework item: its level (notStarted, planned, inPlace, inPlaceAndEvaluated), evidence links and a note.</summary>
public sealed record AssessElementRequest(string? Item, string? Level, IReadOnlyList<string?>? Evidence, string? Note);

/// <summary>The reviewing city to assign, by its slug.</summary>
public sealed record AssignPeerReviewerRequest(string? ReviewerCity);

/// <summary>A reviewer's finding on one framework item.</summary>
public sealed record RecordFindingRequest(string? Item, string? Finding);

/// <summary>A recommendation to draft: its text, the framework item it is about, and optional rights codes.</summary>
public sealed record DraftRecommendationRequest(string? Text, string? Item, IReadOnlyList<string?>? Rights);

/// <summary>The city's answer to a recommendation: <c>supported</c> or <c>noted</c> (a noted one needs a note saying why).</summary>
public sealed record AnswerRecommendationRequest(string? Response, string? Note);

/// <summary>A follow-up report on a recommendation: what was done, when, and where its implementation stands.</summary>
public sealed record ReportFollowUpRequest(string? Text, DateOnly? Date, string? Status);

/// <summary>The commitment a supported recommendation became.</summary>
public sealed record LinkCommitmentRequest(Guid? CommitmentId);

/// <summary>The recognition level to award: <c>recognised</c> or <c>advanced</c>.</summary>
public sealed record AwardRecognitionRequest(string? Level);

/// <summary>The city's declaration of its human rights commitment: the council's decision date and a link to the decision.</summary>
public sealed record DeclareCommitmentRequest(DateOnly? DecidedOn, string? DecisionUrl);
