using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Web;

/// <summary>
/// What the officials' forms share: whether to show them (the same role the <see cref="Policies.Official"/>
/// policy asks for), the check a handler on a public page makes before it writes, and reading the
/// form's dates and lists as the API wants them.
/// </summary>
public static class Officials
{
    /// <summary>The visitor is an official of the city: the pages show them the officials' links and forms.</summary>
    public static bool IsOfficialOf(this ClaimsPrincipal user, string city) => user.HoldsRole(city, CityRole.Official);

    /// <summary>
    /// Null when the visitor may act as an official of the page's city (the endpoints' policy); else where to send
    /// them: sign-in for anonymous visitors (back to the page afterwards), the forbidden page for everyone else.
    /// </summary>
    public static async Task<IActionResult?> RefuseUnlessOfficialAsync(this PageModel page, IAuthorizationService authorization)
    {
        if (!page.User.IsSignedIn()) return page.Challenge(new AuthenticationProperties { RedirectUri = page.Request.Path });
        return (await authorization.AuthorizeAsync(page.User, page.HttpContext, Policies.Official)).Succeeded ? null : page.Forbid();
    }

    /// <summary>A local date-and-time input's value (yyyy-mm-ddThh:mm) read in the city's time zone, or null.</summary>
    public static DateTimeOffset? LocalTime(string? value, City city)
    {
        if (!DateTime.TryParseExact(value?.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        var zone = CityTimeZone.Of(city);
        return new DateTimeOffset(local, zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified)));
    }

    /// <summary>The instant a local day starts in the city.</summary>
    public static DateTimeOffset StartOf(DateOnly day, City city)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, CityTimeZone.Of(city).GetUtcOffset(local));
    }

    /// <summary>Today in the city's time zone.</summary>
    public static DateOnly Today(City city, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), CityTimeZone.Of(city)).DateTime);

    /// <summary>The non-empty lines of a text area, trimmed (options one per line).</summary>
    public static List<string> Lines(string? value) =>
        (value ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    /// <summary>
    /// Ids written one per line, or separated by commas or spaces; a page address counts by the id at its end
    /// (a concern's page). Returns the ids and the pieces that are not ids.
    /// </summary>
    public static (List<Guid> Ids, List<string> Unreadable) Ids(string? value)
    {
        var ids = new List<Guid>();
        var unreadable = new List<string>();
        foreach (var piece in (value ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var last = piece.TrimEnd('/').Split('/')[^1];
            if (Guid.TryParse(last, out var id)) ids.Add(id);
            else unreadable.Add(piece);
        }
        return (ids, unreadable);
    }
}
