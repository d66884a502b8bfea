
namespace Platform.Api.Web;

/// <summary>Numbers of the accountability pages: percentages in the page's culture, bar widths for CSS.</summary>
public static class Figures
{
    /// <summary>A percentage (0-100) as the culture writes it (42.5 % / 42,5 %); a dash when there is nothing to measure yet.</summary>
    public static string Percent(double? value) =>
        value is { } v ? (v / 100).ToString("P1", CultureInfo.CurrentCulture) : "–";

    /// <summary>A share of a total as a percentage (0-100), 0 when the total is 0.</summary>
    public static double Share(long part, long total) => total <= 0 ? 0 : Math.Round(100.0 * part / total, 1);

    /// <summary>A number (days, an average) with one decimal in the page's culture; a dash when there is nothing to measure yet.</summary>
    public static string Decimal(double? value) => value is { } v ? v.ToString("N1", CultureInfo.CurrentCulture) : "–";

    /// <summary>A CSS width for a bar: invariant digits whatever the page's culture (a French comma would break the style).</summary>
    public static string Width(double percent) =>
        $"width: {Math.Clamp(percent, 0, 100).ToString("0.#", CultureInfo.InvariantCulture)}%";
}
