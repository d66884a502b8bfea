namespace Platform.Domain.Monitoring;

/// <summary>
/// The complaint indicators the platform computes itself from its concern records (none of the catalogue's
/// complaint indicators counts what residents raise on the platform: IND-005, IND-061 and IND-070 count complaints
/// handled by an ombudsperson or an equality body). Every city that received a concern has them in its set; their
/// values are never typed in: recording, importing, adopting or re-targeting them is refused
/// (<see cref="Computed"/>).
/// </summary>
public static class PlatformIndicators
{
    public const string Received = "PLAT-CONCERNS-RECEIVED";
    public const string AnsweredInTime = "PLAT-CONCERNS-ANSWERED-IN-TIME";
    public const string Resolved = "PLAT-CONCERNS-RESOLVED";

    /// <summary>The note every computed value carries: where it came from.</summary>
    public const string MethodNote = "Computed by the platform from its concern records.";

    /// <summary>The origin of their definitions (the catalogue's field), "platform" rather than the network or a city.</summary>
    public const string Origin = "platform";

    /// <summary>The dimensions their values are broken down by: the rights a concern names, and its district.</summary>
    public const string RightDimension = "right", DistrictDimension = "district";

    /// <summary>
    /// The district group of concerns naming a district that is not one of the city's own (those its population shares
    /// name): a concern's district is free text, and only the city's own names are published as groups.
    /// </summary>
    public const string OtherDistrict = "other";

    public static readonly IndicatorDefinition ReceivedDefinition = Define(Received,
        "Rights concerns residents raised with the city on the platform", IndicatorType.Process, DesiredDirection.Increase);

    public static readonly IndicatorDefinition AnsweredInTimeDefinition = Define(AnsweredInTime,
        "Rights concerns the city answered (or declined) within the response deadline", IndicatorType.Process, DesiredDirection.Increase);

    public static readonly IndicatorDefinition ResolvedDefinition = Define(Resolved,
        "Rights concerns the city resolved", IndicatorType.Outcome, DesiredDirection.Increase);

    public static readonly IReadOnlyList<IndicatorDefinition> All = [ReceivedDefinition, AnsweredInTimeDefinition, ResolvedDefinition];

    public static bool IsComputed(string? code) => code is not null && All.Any(d => d.Code == code.Trim());

    /// <summary>The refusal of any hand-made change to a computed series: 409.</summary>
    public static DomainError Computed(string code) => new(ErrorKind.Conflict, "computed-by-platform",
        $"{code} is computed by the platform from its concern records; its values cannot be recorded, imported or changed by hand.");

    private static IndicatorDefinition Define(string code, string name, IndicatorType type, DesiredDirection direction) => new(
        code, name, "justice-remedy", null, type, "concerns", UnitKind.Count, null, direction, SourceKind.Platform,
        [RightDimension, DistrictDimension], [], null, Origin, Core: false, Version: 1);
}
