using Platform.Domain.Assessments;

namespace Platform.Projections.Assessments;

/// <summary>
/// One city's assessment cycle as its page shows it: items with levels and evidence, the peer review with
/// findings and recommendations (answers, follow-up, commitments), and recognitions. One load answers the page.
/// </summary>
public sealed class AssessmentView
{
    public Guid Id { get; set; }
    public string City { get; set; } = "";
    public string Cycle { get; set; } = "";
    public string FrameworkVersion { get; set; } = "";
    public AssessmentStage Stage { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    /// <summary>Assessed items, in the order first assessed (readers sort them by the framework).</summary>
    public List<AssessedItemView> Items { get; set; } = [];
    public string? ReviewerCity { get; set; }
    public DateTimeOffset? ReviewerAssignedAt { get; set; }
    public DateTimeOffset? ReviewSubmittedAt { get; set; }
    public List<FindingView> Findings { get; set; } = [];
    public List<RecommendationView> Recommendations { get; set; } = [];
    public List<RecognitionView> Recognitions { get; set; } = [];
    /// <summary>The highest event sequence of the assessment's stream reflected here.</summary>
    public long Sequence { get; set; }
}

public sealed record AssessedItemView(string Item, AssessmentLevel Level, string[] Evidence, string? Note, DateTimeOffset AssessedAt);

public sealed record FindingView(string Item, string Finding, DateTimeOffset RecordedAt);

public sealed record FollowUpView(string Text, DateOnly Date, FollowUpStatus Status, DateTimeOffset ReportedAt);

public sealed class RecommendationView
{
    public Guid Id { get; set; }
    public string Item { get; set; } = "";
    public string Text { get; set; } = "";
    public string[] Rights { get; set; } = [];
    public DateTimeOffset DraftedAt { get; set; }
    public RecommendationResponse? Response { get; set; }
    public string? ResponseNote { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public Guid? CommitmentId { get; set; }
    public List<FollowUpView> FollowUps { get; set; } = [];
}

public sealed record RecognitionView(RecognitionLevel Level, string Cycle, string? ReviewerCity, DateTimeOffset AwardedAt);
