using Platform.Domain.Assessments;
using Platform.Projections.Assessments;

namespace Platform.Projections.UnRecommendations;

/// <summary>
/// A city's UN recommendations as its pages and the API show them: one document per city (its register's stream), so
/// the list with its filters, a recommendation and the annual report's section are each one load.
/// </summary>
public sealed class UnRecommendationsView
{
    public Guid Id { get; set; }
    public string City { get; set; } = "";
    /// <summary>In the order recorded.</summary>
    public List<UnRecommendationView> Recommendations { get; set; } = [];
    /// <summary>The highest event sequence of the register's stream reflected here.</summary>
    public long Sequence { get; set; }
}

public sealed class UnRecommendationView
{
    public Guid Id { get; set; }
    public string Source { get; set; } = "";
    public string Cycle { get; set; } = "";
    public string? Paragraph { get; set; }
    public string Text { get; set; } = "";
    public string[] Rights { get; set; } = [];
    public string[] SdgTargets { get; set; } = [];
    public bool Imported { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public RecommendationResponse? Response { get; set; }
    public string? ResponseNote { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public List<Guid> CommitmentIds { get; set; } = [];
    public List<FollowUpView> FollowUps { get; set; } = [];
}
