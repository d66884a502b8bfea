namespace Platform.Api.Notifications;

/// <summary>Everything the email side of notifications registers.</summary>
public static class NotificationEmailSetup
{
    public static IServiceCollection AddNotificationEmail(this IServiceCollection services) =>
        services.AddSingleton<NotificationSettingsHandler>()
            .AddSingleton<UnsubscribeTokens>()
            .AddSingleton<NoticeMails>()
            .AddSingleton<NoticeEmailSender>()
            .AddSingleton<DigestSender>()
            .AddSingleton<DeadlinesLists>()
            .AddSingleton<EmailSchedule>()
            .AddHostedService<EmailScheduleStart>();

    /// <summary>
    /// Notices, preferences and the email records are the person's, across cities: network-wide documents. What the
    /// digests look for (waiting notices of a period) is indexed.
    /// </summary>
    public static void AddNotificationEmail(this StoreOptions opts)
    {
        opts.Schema.For<NoticeEmail>().SingleTenanted().Duplicate(e => e.Delivery).Duplicate(e => e.SentAt).Index(e => e.AccountId);
        opts.Schema.For<DigestEmail>().SingleTenanted().Index(e => e.AccountId);
        opts.Schema.For<EmailRun>().SingleTenanted();
    }
}
