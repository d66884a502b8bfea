using System.Collections.Frozen;
using System.Globalization;
using Platform.Domain.Monitoring;

namespace Platform.Domain.Reference;

/// <summary>
/// The network's indicator catalogue as shipped (version 1 of every indicator): indicators.csv gives the
/// indicator (right, attribute, type, unit label, SDG codes, origin, core), and indicator-methods.csv, written
/// for this platform, the facts validation and progress need that the source table leaves implicit: unit kind,
/// rate base, desired direction, usual data source and declared disaggregations.
/// </summary>
public static class IndicatorReference
{
    private static readonly Lazy<FrozenDictionary<string, IndicatorDefinition>> Shared = new(Load);

    public static FrozenDictionary<string, IndicatorDefinition> Indicators => Shared.Value;

    private static FrozenDictionary<string, IndicatorDefinition> Load()
    {
        static string[] List(string value) =>
            value.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var methods = ReferenceCatalogue.Records("indicator-methods.csv").ToDictionary(r => r["code"], StringComparer.Ordinal);
        return ReferenceCatalogue.Records("indicators.csv").Select(r =>
            {
                var method = methods[r["code"]];
                return new IndicatorDefinition(
                    r["code"], r["name"], r["right"], r["attribute"] is { Length: > 0 } a ? a : null,
                    Enum.Parse<IndicatorType>(r["type"], ignoreCase: true),
                    r["unit"],
                    UnitKinds.Parse(method["unit_kind"]) ?? throw new InvalidOperationException($"Unknown unit kind for {r["code"]}."),
                    method["rate_base"] is { Length: > 0 } b ? int.Parse(b, CultureInfo.InvariantCulture) : null,
                    Enum.Parse<DesiredDirection>(method["direction"], ignoreCase: true),
                    Enum.Parse<SourceKind>(method["source"], ignoreCase: true),
                    List(method["disaggregations"]),
                    List(r["sdg"]),
                    r["sdg_relation"] is { Length: > 0 } rel ? rel : null,
                    r["origin"],
                    r["network_core"] == "yes",
                    Version: 1);
            })
            .ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    }
}
