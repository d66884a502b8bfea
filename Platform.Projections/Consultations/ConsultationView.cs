using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>
/// The public view of a consultation, kept by an inline projection of its stream. Responses never
/// touch this document (they live in residents' own streams and are counted into
/// <see cref="ConsultationTally"/>), so a busy consultation does not become a hot row.
/// </summary>
public sealed class ConsultationView
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public ConsultationStatus Status { get; set; }
    public DateTimeOffset? OpensAt { get; set; }
    public DateTimeOffset? ClosesAt { get; set; }
    public ConsultationQuestion[] Questions { get; set; } = [];
    public DateTimeOffset DraftedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public ConsultationOutcome? Outcome { get; set; }
    /// <summary>The highest event sequence of the consultation's own stream reflected here.</summary>
    public long Sequence { get; set; }
}

/// <summary>What the council made of the consultation.</summary>
public sealed record ConsultationOutcome(string Summary, Guid[] CommitmentIds, DateTimeOffset PublishedAt);
