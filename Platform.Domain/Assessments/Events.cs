namespace Platform.Domain.Assessments;

/// <summary>An official started the city's assessment cycle against a version of the FRA framework.</summary>
public sealed record AssessmentStarted(Guid AssessmentId, string City, string Cycle, string FrameworkVersion, Guid OfficialId, DateTimeOffset StartedAt);

/// <summary>An official assessed one framework item (a later assessment of the same item replaces it while in draft).</summary>
public sealed record AssessmentElementAssessed(Guid AssessmentId, string Item, AssessmentLevel Level, string[] Evidence, string? Note,
    Guid OfficialId, DateTimeOffset AssessedAt);

/// <summary>The city submitted the assessment; <paramref name="Levels"/> is the level of every item as submitted.</summary>
public sealed record AssessmentSubmitted(Guid AssessmentId, string City, string Cycle, Dictionary<string, AssessmentLevel> Levels,
    Guid OfficialId, DateTimeOffset SubmittedAt);

/// <summary>A network administrator assigned the city that reviews this assessment.</summary>
public sealed record PeerReviewerAssigned(Guid AssessmentId, string ReviewerCity, Guid AdministratorId, DateTimeOffset AssignedAt);

/// <summary>A reviewer's finding on one item (a later finding on the same item replaces it until the review is submitted).</summary>
public sealed record PeerReviewFindingRecorded(Guid AssessmentId, string Item, string Finding, Guid ReviewerId, DateTimeOffset RecordedAt);

/// <summary>A reviewer drafted a recommendation on an item, optionally tagged with rights codes.</summary>
public sealed record PeerReviewRecommendationDrafted(Guid AssessmentId, Guid RecommendationId, string Item, string Text, string[] Rights,
    Guid ReviewerId, DateTimeOffset DraftedAt);

/// <summary>The reviewing city submitted its review: from now its findings and recommendations are public.</summary>
public sealed record PeerReviewSubmitted(Guid AssessmentId, string ReviewerCity, int Findings, Guid[] RecommendationIds, Guid ReviewerId,
    DateTimeOffset SubmittedAt);

/// <summary>The reviewed city marked a recommendation supported or noted.</summary>
public sealed record RecommendationAnswered(Guid AssessmentId, Guid RecommendationId, RecommendationResponse Response, string? Note,
    Guid OfficialId, DateTimeOffset AnsweredAt);

/// <summary>The reviewed city reported on what it did about a recommendation.</summary>
public sealed record RecommendationFollowUpReported(Guid AssessmentId, Guid RecommendationId, string Text, DateOnly Date, FollowUpStatus Status,
    Guid OfficialId, DateTimeOffset ReportedAt);

/// <summary>A supported recommendation became a commitment of the city (its id, recorded as given).</summary>
public sealed record RecommendationLinkedToCommitment(Guid AssessmentId, Guid RecommendationId, Guid CommitmentId, Guid OfficialId, DateTimeOffset LinkedAt);

/// <summary>The network awarded the city a recognition level on this cycle, reviewed by <paramref name="ReviewerCity"/>.</summary>
public sealed record RecognitionAwarded(Guid AssessmentId, string City, string Cycle, RecognitionLevel Level, string? ReviewerCity,
    Guid AdministratorId, DateTimeOffset AwardedAt);

/// <summary>The city declared its commitment to become a human rights city (the council's decision of <paramref name="DecidedOn"/>, published at <paramref name="DecisionUrl"/>).</summary>
public sealed record HumanRightsCommitmentDeclared(Guid DeclarationId, string City, DateOnly DecidedOn, string DecisionUrl, Guid OfficialId, DateTimeOffset DeclaredAt);
