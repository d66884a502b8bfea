using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>
/// An assessment cycle as its page shows it: every framework item (assessed or not) in checklist order, the
/// peer review, and the recognitions awarded on it. A review in progress shows its findings and
/// recommendations only to the reviewing city's officials.
/// </summary>
public sealed record AssessmentDetails(
    Guid Id,
    string City,
    string Cycle,
    string FrameworkVersion,
    AssessmentStage Stage,
    DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt,
    ItemDetails[] Items,
    string[] MissingItems,
    ReviewDetails? Review,
    RecognitionView[] Recognitions,
    long Version);

/// <summary>One framework item and its assessment (level null while not assessed).</summary>
public sealed record ItemDetails(string Item, FrameworkSection Section, string Text, AssessmentLevel? Level, string[] Evidence, string? Note,
    DateTimeOffset? AssessedAt);

/// <summary>The peer review: the reviewing city, when it was assigned and submitted, its findings and recommendations.</summary>
public sealed record ReviewDetails(string ReviewerCity, DateTimeOffset AssignedAt, DateTimeOffset? SubmittedAt, FindingView[] Findings,
    RecommendationView[] Recommendations);

/// <summary>A cycle in the city's list.</summary>
public sealed record AssessmentSummary(Guid Id, string City, string Cycle, AssessmentStage Stage, DateTimeOffset StartedAt,
    DateTimeOffset? SubmittedAt, string? ReviewerCity, RecognitionLevel[] Recognitions, long Version);
