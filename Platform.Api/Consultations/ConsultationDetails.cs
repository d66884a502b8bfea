using Platform.Domain.Consultations;
using Platform.Projections.Consultations;

namespace Platform.Api.Consultations;

/// <summary>A consultation as the API shows it.</summary>
/// <param name="Version">The highest event sequence this view reflects.</param>
public sealed record ConsultationDetails(
    Guid Id,
    string City,
    string Title,
    string Description,
    ConsultationStatus Status,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    ConsultationQuestion[] Questions,
    DateTimeOffset DraftedAt,
    DateTimeOffset? ClosedAt,
    ConsultationOutcome? Outcome,
    long Version)
{
    public static ConsultationDetails Of(string city, ConsultationView v) => new(
        v.Id, city, v.Title, v.Description, v.Status, v.OpensAt, v.ClosesAt, v.Questions, v.DraftedAt, v.ClosedAt, v.Outcome, v.Sequence);
}

/// <summary>The results of a consultation.</summary>
/// <param name="Participation">How many residents responded (each counts once, however often they amended).</param>
/// <param name="Version">The highest event sequence reflected: the consultation's own events and every response counted.</param>
public sealed record ConsultationResults(Guid Id, string City, ConsultationStatus Status, long Participation, QuestionResult[] Questions, long Version)
{
    /// <summary>
    /// The answers are withheld (questions without tallies, means or texts), participation alone is shown: fewer than
    /// <see cref="Platform.Domain.Consultations.ConsultationRules.SmallestGroupShown"/> residents answered, or, for the
    /// public, the consultation is still open (see <see cref="ConsultationReader.Disclosed"/>).
    /// </summary>
    public bool Withheld { get; init; }
}

/// <summary>
/// The results of one question. <paramref name="Options"/> holds the tally per option (choice questions)
/// or per value 1-5 (scale); <paramref name="Mean"/> is set for scales with answers; <paramref name="Texts"/>
/// holds free-text answers, only for officials of the city (null for everyone else).
/// </summary>
public sealed record QuestionResult(string Id, string Text, QuestionKind Kind, long Answers, OptionTally[] Options, double? Mean, string[]? Texts);

public sealed record OptionTally(string Option, long Count);

/// <summary>What a watcher of the "consultation" view receives: the consultation and its public results.</summary>
public sealed record ConsultationLive(ConsultationDetails Consultation, ConsultationResults Results);
