using Platform.Api.Mail;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Platform.Api.Notifications;

/// <summary>The digest runs; a run that completed schedules the next one of its period.</summary>
public static class SendDigestsHandler
{
    public static void Configure(HandlerChain chain) => EmailRetries.Apply(chain);

    public static async Task Handle(SendDigests message, DigestSender digests, EmailSchedule schedule, IMessageBus bus, CancellationToken cancellation)
    {
        if (await digests.RunAsync(message.Period, message.Day, cancellation))
            await schedule.ScheduleAsync(bus, message.Period == EmailDelivery.WeeklyDigest, day => new SendDigests(message.Period, day));
    }
}

/// <summary>The officials' lists; a run of every city that completed schedules the next day's.</summary>
public static class SendDeadlinesListsHandler
{
    public static void Configure(HandlerChain chain) => EmailRetries.Apply(chain);

    public static async Task Handle(SendDeadlinesLists message, DeadlinesLists lists, EmailSchedule schedule, IMessageBus bus, CancellationToken cancellation)
    {
        if (await lists.RunAsync(message.Day, message.City, bus, cancellation) && message.City is null)
            await schedule.ScheduleAsync(bus, weekly: false, day => new SendDeadlinesLists(day));
    }
}

/// <summary>The retry policy of the email messages (<see cref="NoticeRaisedHandler"/> and the digest and deadline runs).</summary>
public static class EmailRetries
{
    /// <summary>The pauses before handling a failed message again in place.</summary>
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)];

    /// <summary>Then the pauses before handling it again from the store, the last one repeating for as long as it takes.</summary>
    public static readonly TimeSpan[] Scheduled = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    public static void Apply(HandlerChain chain) =>
        chain.OnException(Mailer.IsTransient).RetryWithCooldown(Cooldowns).Then.ScheduleRetryIndefinitely(Scheduled);
}
