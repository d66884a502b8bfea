using Platform.Domain.Concerns;

namespace Platform.Projections.Concerns;

/// <summary>
/// The view of a concern, kept by an inline projection of its stream. The support count is not
/// stored here (supports never touch this document, so a popular concern does not become a hot row);
/// readers add it from <see cref="SupportTally"/>.
/// </summary>
public sealed class ConcernView
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public string[] Rights { get; set; } = [];
    public string[] SdgTargets { get; set; } = [];
    public string? District { get; set; }
    public ConcernStatus Status { get; set; }
    public bool Anonymous { get; set; }
    /// <summary>The author, kept for the author's own views; never shown to anyone else.</summary>
    public Guid AuthorId { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? Department { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    /// <summary>When the council's answer is due (set on acknowledgement, from the city's deadline).</summary>
    public DateTimeOffset? ResponseDue { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? DeclineReason { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
    /// <summary>Why a moderator removed the text (null: not removed).</summary>
    public string? RedactionReason { get; set; }
    /// <summary>The title a concern shows once a moderator removed its text.</summary>
    public const string RedactedTitle = "[text removed by a moderator]";
    public List<Guid> Commitments { get; set; } = [];
    /// <summary>When the current answer or resolution was given (null: nothing to contest); contests are open for <see cref="ConcernRules.ContestDays"/> after it.</summary>
    public DateTimeOffset? ContestableSince { get; set; }
    /// <summary>Contests of the current answer or resolution (a count: who contested is not shown).</summary>
    public int Contests { get; set; }
    /// <summary>How many times contests reopened the concern, and when last.</summary>
    public int Reopens { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }
    public string? ReopenReason { get; set; }
    /// <summary>When it went to the independent body, and why.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? EscalationReason { get; set; }
    /// <summary>The independent body's finding and its outcome (one of <see cref="ConcernRules.EscalationOutcomes"/>).</summary>
    public string? Finding { get; set; }
    public string? FindingOutcome { get; set; }
    public DateTimeOffset? FindingRecordedAt { get; set; }
    /// <summary>The groups the concern affects (codes of <see cref="Platform.Domain.Groups"/>).</summary>
    public string[] Groups { get; set; } = [];
    /// <summary>The role of the account that recorded the concern on behalf of a resident met offline (null: the resident raised it).</summary>
    public string? AssistedAs { get; set; }
    /// <summary>How many supports were recorded on behalf of residents met offline.</summary>
    public int AssistedSupports { get; set; }
    /// <summary>The highest event sequence of the concern's own stream reflected here.</summary>
    public long Sequence { get; set; }
    /// <summary>The organisation on whose behalf it was raised (null: a resident's own), and the group it was raised for.</summary>
    public Guid? OnBehalfOf { get; set; }
    public string? OnBehalfOfGroup { get; set; }
}
