using Microsoft.AspNetCore.SignalR;
using Wolverine.Marten;

namespace Platform.Api.Notifications;

/// <summary>Everything the notifications in the platform register (the email side registers its own).</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<NoticeRecipients>().AddSingleton<NoticeInbox>().AddSingleton<NoticeSubscription>();
        services.AddSingleton<IUserIdProvider, AccountUserIdProvider>();
        services.SubscribeToEventsWithServices<NoticeSubscription>(ServiceLifetime.Singleton);
        services.ConfigureMarten(opts =>
        {
            // Network-wide: a person's inbox spans their cities. The unread count is one count over the two indexed columns.
            opts.Schema.For<Notice>().SingleTenanted().Duplicate(n => n.AccountId).Duplicate(n => n.ReadAt).Duplicate(n => n.At);
            opts.Schema.For<NotificationPreferences>().SingleTenanted();
        });
        return services;
    }
}
