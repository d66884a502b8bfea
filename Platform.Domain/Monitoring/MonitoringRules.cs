namespace Platform.Domain.Monitoring;

/// <summary>Limits of monitoring input.</summary>
public static class MonitoringRules
{
    public const int NameMaxLength = 500;
    public const int DepartmentMaxLength = 200;
    public const int MethodNoteMaxLength = 2000;
    public const int ReasonMaxLength = 1000;
    public const int GroupMaxLength = 100;
    public const int GeoCodeMaxLength = 50;
    public const int CodeMaxLength = 40;
    /// <summary>An import larger than this is refused whole; split the file by year.</summary>
    public const int MaxImportRows = 200_000;
    /// <summary>An import file larger than this (in bytes, as sent) is refused before it is read; 100,000 rows of all columns fit.</summary>
    public const int MaxImportBytes = 25 * 1024 * 1024;
}
