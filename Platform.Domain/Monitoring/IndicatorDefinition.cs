namespace Platform.Domain.Monitoring;

/// <summary>
/// One revision of an indicator of the network catalogue (or a city's local indicator). <paramref name="Unit"/>
/// is the label as written ("% of budget"), <paramref name="UnitKind"/> how values are checked;
/// <paramref name="Disaggregations"/> are the dimensions (sex, age, district, ...) a measurement may be broken down by.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    string Right,
    string? Attribute,
    IndicatorType Type,
    string Unit,
    UnitKind UnitKind,
    int? RateBase,
    DesiredDirection Direction,
    SourceKind Source,
    string[] Disaggregations,
    string[] SdgCodes,
    string? SdgRelation,
    string Origin,
    bool Core,
    int Version)
{
    public bool Declares(string dimension) => Disaggregations.Contains(dimension, StringComparer.Ordinal);
}
