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
}
