namespace Platform.Api.Cities;

/// <summary>The time zone a city's deadlines and "today" are counted in.</summary>
public static class CityTimeZone
{
    /// <summary>The city's IANA zone; UTC when the city is unknown or its zone is not known on this machine, so deadlines stay defined.</summary>
    public static TimeZoneInfo Of(City? city) =>
        city is not null && TimeZoneInfo.TryFindSystemTimeZoneById(city.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
