using Microsoft.AspNetCore.Hosting;
using MimeKit;
using Platform.Api.Accounts;
using Platform.Api.Notifications;
using Wolverine;
using Wolverine.Marten.Publishing;

namespace Platform.Tests.Notifications;

/// <summary>
/// An API host that sends its email to a real SMTP server process of its own (smtp4dev, <see cref="MailServer"/>), with
/// the mailer's own quick retries short, so that Wolverine's retry policy is what carries a message through an outage.
/// </summary>
public sealed class EmailFixture : AppFixture, IAsyncLifetime
{
    public const string PublicUrl = "https://rights.example";

    public MailServer Mail { get; private set; } = null!;

    public new async Task InitializeAsync()
    {
        Mail = await MailServer.StartNewAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mail.DisposeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:Mail:Host", "127.0.0.1");
        builder.UseSetting("Platform:Mail:Port", Mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:Mail:Security", "None");
        builder.UseSetting("Platform:Mail:Retries", "1");
        builder.UseSetting("Platform:Mail:RetryDelay", "00:00:00.200");
        builder.UseSetting("Platform:Mail:PublicUrl", PublicUrl);
    }

    /// <summary>A person with an account in <paramref name="city"/> who reads <paramref name="language"/>, and their email address.</summary>
    public async Task<(Actor Actor, string Email)> PersonAsync(string language = "en", string city = "york", params CityRole[] roles)
    {
        var actor = await this.AccountAsync(city, roles.Length == 0 ? [CityRole.Resident] : roles);
        await using var session = Store.LightweightSession();
        var account = (await session.LoadAsync<Account>(actor.Id))!;
        account.PreferredLanguage = language;
        account.DisplayName = "Ana <Dúbois>";
        session.Store(account);
        await session.SaveChangesAsync();
        return (actor, account.Email);
    }

    /// <summary>
    /// Writes a notice for <paramref name="accountId"/> and publishes its <see cref="NoticeRaised"/> in the same transaction
    /// (Wolverine's outbox), as the notice writer does.
    /// </summary>
    public async Task<Notice> RaiseAsync(Guid accountId, NoticeKind kind, string title, string? detail = null, string itemKind = "concern")
    {
        var notice = new Notice
        {
            Id = Guid.CreateVersion7(), AccountId = accountId, City = "york", Kind = kind, ItemKind = itemKind, ItemId = Guid.NewGuid(),
            Title = title, Detail = detail, At = DateTimeOffset.UtcNow,
        };
        await using var scope = Host.Services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        await using var session = Host.Services.GetRequiredService<OutboxedSessionFactory>().OpenSession(bus);
        session.Store(notice);
        await bus.PublishAsync(new NoticeRaised(notice.Id));
        await session.SaveChangesAsync();
        return notice;
    }

    /// <summary>Handles <paramref name="message"/> here and now, through Wolverine (as the durable queue would).</summary>
    public async Task InvokeAsync(object message)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(message);
    }

    public async Task<NotificationPreferences?> PreferencesAsync(Guid accountId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<NotificationPreferences>(accountId);
    }

    /// <summary>The emails to <paramref name="address"/> after a quiet moment (for "nothing more arrived").</summary>
    public async Task<IReadOnlyList<MimeMessage>> SettledAsync(string address, int atLeast = 0, double seconds = 3)
    {
        if (atLeast > 0) await Mail.WaitForAsync(address, atLeast);
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return await Mail.WaitForAsync(address, wait: TimeSpan.Zero);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)] // alone: another host on the same database would take its durable messages and handle them with email off
public sealed class EmailCollection : ICollectionFixture<EmailFixture>
{
    public const string Name = "email";
}
