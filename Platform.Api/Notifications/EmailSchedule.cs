using Platform.Api.Mail;

namespace Platform.Api.Notifications;

/// <summary>Send the digests of <paramref name="Period"/> (daily or weekly) for <paramref name="Day"/> (a durable scheduled message).</summary>
public sealed record SendDigests(EmailDelivery Period, DateOnly Day);

/// <summary>
/// Write the officials' deadline lists of <paramref name="Day"/> (a durable scheduled message), of every city, or of
/// <paramref name="City"/> only (a run for one city, as an operator or a test asks: it schedules no next run).
/// </summary>
public sealed record SendDeadlinesLists(DateOnly Day, string? City = null);

/// <summary>
/// When the scheduled email runs happen: every day at <see cref="MailOptions.DigestHour"/> in
/// <see cref="MailOptions.DigestTimeZone"/> (daily digests and the officials' lists), and on Mondays at that hour
/// (weekly digests). Each run, once done, schedules the next one as a durable message; each node schedules the next
/// ones when it starts, so a chain broken by a crash resumes (a second message for a run that is done does nothing).
/// </summary>
public sealed class EmailSchedule(MailOptions options, TimeProvider clock)
{
    public TimeZoneInfo Zone => TimeZoneInfo.TryFindSystemTimeZoneById(options.DigestTimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The next run after <paramref name="now"/>: its local day and its instant (the next Monday's, <paramref name="weekly"/>).</summary>
    public static (DateOnly Day, DateTimeOffset At) Next(DateTimeOffset now, TimeZoneInfo zone, int hour, bool weekly)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        while (true)
        {
            var at = At(day, zone, hour);
            if (at > now && (!weekly || day.DayOfWeek == DayOfWeek.Monday)) return (day, at);
            day = day.AddDays(1);
        }
    }

    /// <summary>The instant of <paramref name="hour"/> o'clock on <paramref name="day"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset At(DateOnly day, TimeZoneInfo zone, int hour)
    {
        var local = day.ToDateTime(new TimeOnly(Math.Clamp(hour, 0, 23), 0));
        while (zone.IsInvalidTime(local)) local = local.AddHours(1); // skipped by a clock change
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Schedules the next runs of all three (after now).</summary>
    public async Task ScheduleAllAsync(IMessageBus bus)
    {
        await ScheduleAsync(bus, weekly: false, day => new SendDigests(EmailDelivery.DailyDigest, day));
        await ScheduleAsync(bus, weekly: true, day => new SendDigests(EmailDelivery.WeeklyDigest, day));
        await ScheduleAsync(bus, weekly: false, day => new SendDeadlinesLists(day));
    }

    /// <summary>Schedules the next run of a kind: <paramref name="message"/> of its day, at its instant.</summary>
    public async Task ScheduleAsync(IMessageBus bus, bool weekly, Func<DateOnly, object> message)
    {
        var now = clock.GetUtcNow();
        var (day, at) = Next(now, Zone, options.DigestHour, weekly);
        await bus.ScheduleAsync(message(day), at - now);
    }
}

/// <summary>Schedules the next runs when the node has started (Wolverine is running by then).</summary>
public sealed class EmailScheduleStart(IHostApplicationLifetime lifetime, IServiceProvider services, EmailSchedule schedule, ILogger<EmailScheduleStart> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await schedule.ScheduleAllAsync(scope.ServiceProvider.GetRequiredService<IMessageBus>());
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The digests and the officials' lists could not be scheduled at start");
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
