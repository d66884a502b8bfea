namespace Platform.Domain.Commitments;

/// <summary>Limits on commitments; shared by validation and documentation.</summary>
public static class CommitmentRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int DepartmentMaxLength = 200;
    public const int TextMaxLength = 2_000;
    public const int UrlMaxLength = 2_000;
    public const int MaxTags = 10;
    public const int MaxIndicators = 20;
    public const int MaxOrigins = 50;
    public const int MaxMilestones = 100;
    public const decimal MaxWeight = 1_000m;
    /// <summary>Budgets are amounts in the city's currency; the cap only stops typing accidents.</summary>
    public const decimal MaxBudget = 1_000_000_000_000m;
    /// <summary>How far ahead a due date may lie.</summary>
    public const int MaxYearsAhead = 20;

    /// <summary>At risk: progress lags the elapsed share of the time by more than this many points...</summary>
    public const double AtRiskLagPoints = 25;
    /// <summary>...and more than this share of the time has elapsed (too early to judge before).</summary>
    public const double AtRiskMinElapsed = 0.10;
}
