using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Api.Web;

/// <summary>How the indicator pages write values, periods and names: in the page's culture, units as the catalogue labels them.</summary>
public static class IndicatorFigures
{
    /// <summary>
    /// A value as the page's culture writes it (up to two decimals, digits grouped); a year without grouping;
    /// a yes/no indicator's 1 or 0 as <paramref name="yes"/> or <paramref name="no"/>.
    /// </summary>
    public static string Value(double value, UnitKind kind, string yes = "1", string no = "0") => kind switch
    {
        UnitKind.Year => value.ToString("0", CultureInfo.CurrentCulture),
        UnitKind.YesNo => value >= 1 ? yes : no,
        _ => value.ToString("#,##0.##", CultureInfo.CurrentCulture),
    };

    /// <summary>A value and its unit label (82.5 %, 120 per 100,000); a yes/no or year value alone.</summary>
    public static string WithUnit(double value, SeriesUnit unit, string yes = "1", string no = "0") =>
        unit.Kind is UnitKind.YesNo or UnitKind.Year ? Value(value, unit.Kind, yes, no) : $"{Value(value, unit.Kind)} {unit.Label}";

    /// <summary>A number for a chart: invariant, rounded to two decimals (the chart script reads it as JSON).</summary>
    public static double Plain(double value) => Math.Round(value, 2);

    /// <summary>The key of a right's name in the page's words (the catalogue's English name), else its code.</summary>
    public static string RightName(string code) =>
        ReferenceCatalogue.Default.Rights.TryGetValue(code, out var right) ? right.Name : code;

    /// <summary>The API name of a source kind (administrative, community), as forms post it.</summary>
    public static string ApiName(SourceKind source) => source.ToString().ToLowerInvariant();
}

/// <summary>A series' unit: the catalogue's label and how values are checked.</summary>
public sealed record SeriesUnit(string Label, UnitKind Kind);
