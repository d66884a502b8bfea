namespace Platform.Domain.Concerns;

/// <summary>Limits on what residents write; shared by validation and documentation.</summary>
public static class ConcernRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 5000;
    public const int DistrictMaxLength = 100;
    public const int MaxTags = 10;
    public const int ResponseMaxLength = 5000;
    public const int DepartmentMaxLength = 100;

    /// <summary>How long after an answer or a resolution it may be contested.</summary>
    public const int ContestDays = 30;
    /// <summary>How many supporters' contests reopen a concern (the author's contest reopens it alone).</summary>
    public const int SupporterContestsToReopen = 5;
    /// <summary>The longest reason of a contest or an escalation, and the longest finding.</summary>
    public const int ContestReasonMaxLength = 2000;
    /// <summary>A concern may go to the independent body once its response deadline passed this many times...</summary>
    public const int EscalateAfterMissedDeadlines = 2;
    /// <summary>...or once it was reopened this many times.</summary>
    public const int EscalateAfterReopens = 2;
    /// <summary>What the independent body may find.</summary>
    public static readonly IReadOnlyList<string> EscalationOutcomes = ["upheld", "partly-upheld", "not-upheld"];
}
