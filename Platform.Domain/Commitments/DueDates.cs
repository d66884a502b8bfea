namespace Platform.Domain.Commitments;

/// <summary>
/// A commitment is due by the end of its due date in the city's time zone: it becomes overdue at the
/// first instant of the next local day.
/// </summary>
public static class DueDates
{
    public static DateTimeOffset EndOf(DateOnly dueDate, TimeZoneInfo zone)
    {
        var local = dueDate.AddDays(1).ToDateTime(TimeOnly.MinValue);
        // Where a clock change skips local midnight, the day ends at the first local time that exists.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The city's date at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
}
