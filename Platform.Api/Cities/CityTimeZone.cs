using System.Collections.Concurrent;

namespace Platform.Api.Cities;

/// <summary>The time zone a city's deadlines and "today" are counted in.</summary>
public static class CityTimeZone
{
    // The runtime's own lookup takes a lock on every call; pages format many dates each.
    private static readonly ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    /// <summary>The city's IANA zone; UTC when the city is unknown or its zone is not known on this machine, so deadlines stay defined.</summary>
    public static TimeZoneInfo Of(City? city) =>
        city?.TimeZone is not { } name ? TimeZoneInfo.Utc
            : Zones.GetOrAdd(name, id => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc);
}
