namespace Platform.Domain.Consultations;

/// <summary>Limits on consultations and answers; shared by validation and documentation.</summary>
public static class ConsultationRules
{
    /// <summary>
    /// Answers are shown only for a group at least this large: with fewer respondents, someone who knows who answered
    /// could tell their answers from the tallies.
    /// </summary>
    public const int SmallestGroupShown = 5;

    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int MaxQuestions = 50;
    public const int QuestionIdMaxLength = 40;
    public const int QuestionTextMaxLength = 500;
    public const int MinOptions = 2;
    public const int MaxOptions = 20;
    public const int OptionMaxLength = 200;
    public const int IndicatorCodeMaxLength = 40;
    public const int ScaleMin = 1;
    public const int ScaleMax = 5;
    public const int AnswerTextMaxLength = 2_000;
    public const int SummaryMaxLength = 10_000;
    public const int MaxCommitments = 50;

    /// <summary>How far in the past <c>opensAt</c> may lie (clients' clocks drift); earlier is refused.</summary>
    public static readonly TimeSpan OpensAtTolerance = TimeSpan.FromMinutes(5);

    /// <summary>The longest window a consultation may have.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>
    /// A consultation takes answers while it is open and <paramref name="now"/> lies inside its window (from
    /// <paramref name="opensAt"/> until <paramref name="closesAt"/>): the rule the decider applies, for the pages to ask.
    /// </summary>
    public static bool TakesAnswers(ConsultationStatus status, DateTimeOffset? opensAt, DateTimeOffset? closesAt, DateTimeOffset now) =>
        status == ConsultationStatus.Open && now >= opensAt && now < closesAt;

    /// <summary>The values of a scale question, from <see cref="ScaleMin"/> to <see cref="ScaleMax"/>, as its answers name them.</summary>
    public static readonly string[] ScaleValues =
        Enumerable.Range(ScaleMin, ScaleMax - ScaleMin + 1).Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>What an answer to <paramref name="question"/> may choose from: its options, the scale's values, or nothing (free text).</summary>
    public static IReadOnlyList<string> AnswerOptions(ConsultationQuestion question) => question.Kind switch
    {
        QuestionKind.Scale => ScaleValues,
        QuestionKind.SingleChoice or QuestionKind.MultipleChoice => question.Options,
        _ => [],
    };
}
