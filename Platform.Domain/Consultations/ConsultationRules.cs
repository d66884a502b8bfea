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
}
