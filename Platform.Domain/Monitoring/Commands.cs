namespace Platform.Domain.Monitoring;

/// <summary>A baseline as it arrives: period ("2024" or "2024-Q2") and value.</summary>
public sealed record BaselineInput(string? Period, double? Value);

/// <summary>A city's own indicator, defined at adoption (code outside the catalogue).</summary>
public sealed record LocalIndicatorInput(
    string? Name, string? Right, string? Type, string? Unit, string? UnitKind, int? RateBase,
    string? Direction, string? Source, IReadOnlyList<string?>? Disaggregations);

/// <summary>Adopt an indicator of the catalogue (or a local one, with <paramref name="Local"/>) into the city's set.</summary>
public sealed record AdoptIndicator(
    string? Code, BaselineInput? Baseline, double? Target, int? TargetYear, string? Department,
    Guid? ConsultationId, LocalIndicatorInput? Local);

/// <summary>
/// Record a value. A second value for the same period and group is a correction and needs <paramref name="Reason"/>.
/// <paramref name="Units"/>, when given, must be the indicator's unit.
/// </summary>
public sealed record RecordMeasurement(
    string? Period, double? Value, double? Denominator, string? Source, string? MethodNote,
    IReadOnlyDictionary<string, string?>? Disaggregation, string? GeoCode, string? Units, string? Reason);

/// <summary>Change a series' target (null clears it: fixed thresholds then apply).</summary>
public sealed record ChangeTarget(double? Target, int? TargetYear, string? Reason);

/// <summary>Add an indicator to the network catalogue, or (with a code that exists) the body of a revision.</summary>
public sealed record IndicatorInput(
    string? Code, string? Name, string? Right, string? Attribute, string? Type, string? Unit, string? UnitKind,
    int? RateBase, string? Direction, string? Source, IReadOnlyList<string?>? Disaggregations,
    IReadOnlyList<string?>? SdgCodes, string? Origin, bool? Core);
