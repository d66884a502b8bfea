using System.Text;
using System.Text.Json;

namespace Platform.Api.Reports;

/// <summary>
/// What the annual report page (<c>Pages/Reports/Annual.cshtml</c>) is made of beside its markup: the section headings
/// in the VLR order, the stylesheet it inlines (wwwroot/css/report.css, with its print rules), the way it writes values,
/// and the years a report covers.
/// </summary>
public static class ReportPage
{
    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("report.css")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The report's stylesheet, inlined so a saved page needs nothing else.</summary>
    public static string Css => Stylesheet.Value;

    /// <summary>The section headings, in the order of the UN DESA guiding elements for Voluntary Local Reviews.</summary>
    public static readonly (string Id, string Title)[] Sections =
    [
        ("introduction", "Introduction"),
        ("methodology", "Methodology and participation"),
        ("policy", "Policy and enabling environment"),
        ("progress", "Progress on goals and targets"),
        ("means", "Means of implementation"),
        ("conclusions", "Conclusions and next steps"),
        ("annex", "Statistical annex"),
    ];

    /// <summary>A value as the report writes it (the page encodes it): a dash for none, numbers and dates in the invariant culture, codes in words.</summary>
    public static string Text(object? value) => value switch
    {
        null => "–",
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        decimal m => m.ToString("#,0.##", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
        Enum e => Words(e),
        _ => value.ToString() ?? "",
    };

    /// <summary>The CSS class of a progress status (<c>status-accelerationNeeded</c>).</summary>
    public static string StatusClass(Enum status) => "status status-" + JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    /// <summary>A report covers a year from <see cref="CityReportReader.FirstYear"/> to the current one: the year, or the error naming it.</summary>
    public static DomainError? CheckYear(string year, DateTimeOffset now, out int parsed)
    {
        if (int.TryParse(year, out parsed) && parsed >= CityReportReader.FirstYear && parsed <= now.Year) return null;
        return DomainError.Invalid("year", $"A report covers a year from {CityReportReader.FirstYear} to {now.Year}.");
    }

    /// <summary>"AccelerationNeeded" → "acceleration needed".</summary>
    private static string Words(Enum value)
    {
        var name = value.ToString();
        var words = new StringBuilder();
        foreach (var ch in name)
        {
            if (char.IsUpper(ch) && words.Length > 0) words.Append(' ');
            words.Append(char.ToLowerInvariant(ch));
        }
        return words.ToString();
    }
}
