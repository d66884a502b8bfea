
namespace Platform.Api.Web;

/// <summary>How pages show names, dates and numbers: in the page's language and the city's time zone.</summary>
public static class Display
{
    /// <summary>The page's language (en, fr, nl, uk), for the <c>lang</c> attribute.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The city's name in the page's language, else in English, else its slug.</summary>
    public static string Name(this City city) =>
        city.Names.TryGetValue(Language, out var name) ? name
        : city.Names.TryGetValue("en", out var english) ? english
        : city.Id;

    /// <summary>A day as the page's culture writes it (12 mars 2026), in the city's time zone.</summary>
    public static string Day(DateTimeOffset instant, City? city) =>
        TimeZoneInfo.ConvertTime(instant, CityTimeZone.Of(city)).ToString("D", CultureInfo.CurrentCulture);

    /// <summary>An ISO 8601 instant for the <c>datetime</c> attribute of <c>&lt;time&gt;</c>.</summary>
    public static string Machine(DateTimeOffset instant) => instant.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A count with the culture's digit grouping (1,234 / 1 234 / 1.234).</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
