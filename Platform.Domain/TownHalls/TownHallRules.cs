namespace Platform.Domain.TownHalls;

/// <summary>Limits on town halls and their polls; shared by validation and documentation.</summary>
public static class TownHallRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int LocationMaxLength = 200;
    public const int DistrictMaxLength = 100;
    public const int QuestionMaxLength = 500;
    public const int MinOptions = 2;
    public const int MaxOptions = 10;
    public const int OptionMaxLength = 200;
    public const int MaxPolls = 100;
    public const int MinutesMaxLength = 50_000;
    public const int MaxCommitments = 50;

    /// <summary>How far in the past <c>startsAt</c> may lie when scheduling (clients' clocks drift).</summary>
    public static readonly TimeSpan StartsAtTolerance = TimeSpan.FromMinutes(5);
}
