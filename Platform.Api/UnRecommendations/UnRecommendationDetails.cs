using Platform.Domain.Assessments;
using Platform.Domain.Commitments;
using Platform.Projections.Assessments;

namespace Platform.Api.UnRecommendations;

/// <summary>
/// A UN recommendation as the city's pages and the API show it: where it comes from, what it asks, the city's answer,
/// the commitments that follow it up (with their status now) and the follow-up reports.
/// </summary>
public sealed record UnRecommendationDetails(
    Guid Id,
    string City,
    string Source,
    string SourceName,
    string Cycle,
    string? Paragraph,
    string Text,
    string[] Rights,
    string[] SdgTargets,
    bool Imported,
    DateTimeOffset RecordedAt,
    RecommendationResponse? Response,
    string? ResponseNote,
    DateTimeOffset? AnsweredAt,
    LinkedCommitment[] Commitments,
    FollowUpView[] FollowUps);

/// <summary>A commitment a recommendation is linked to, with its status and progress as of now.</summary>
public sealed record LinkedCommitment(Guid Id, string Title, CommitmentStatus Status, int Progress);

/// <summary>The list's filters: a source code, a right, a response (<c>supported</c>, <c>noted</c>, or <c>none</c> for unanswered ones).</summary>
public sealed record UnRecommendationQuery(string? Source, string? Right, string? Response, int Page, int PageSize);

/// <summary>The answer to an import: recommendations recorded, and rows recorded already by an earlier import (left as they were).</summary>
public sealed record UnRecommendationImport(int Imported, int Unchanged);
