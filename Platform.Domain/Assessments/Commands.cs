namespace Platform.Domain.Assessments;

/// <summary>Start an assessment cycle (such as "2026"). Fields are nullable: they arrive from clients as they are.</summary>
public sealed record StartAssessment(string? Cycle);

/// <summary>Assess one framework item: its level (notStarted, planned, inPlace, inPlaceAndEvaluated) and evidence links.</summary>
public sealed record AssessElement(string? Item, string? Level, IReadOnlyList<string?>? Evidence, string? Note);

public sealed record SubmitAssessment;

public sealed record AssignPeerReviewer(string? ReviewerCity);

public sealed record RecordFinding(string? Item, string? Finding);

public sealed record DraftRecommendation(string? Text, string? Item, IReadOnlyList<string?>? Rights);

public sealed record SubmitPeerReview;

/// <summary>Mark a recommendation <c>supported</c> or <c>noted</c>; a noted one needs a note saying why.</summary>
public sealed record AnswerRecommendation(string? Response, string? Note);

public sealed record ReportFollowUp(string? Text, DateOnly? Date, string? Status);

public sealed record LinkCommitment(Guid? CommitmentId);

public sealed record AwardRecognition(string? Level);
