using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace Platform.Tests.Support;

/// <summary>
/// An API host that sends its email through a real SMTP server process of its own (<see cref="MailServer"/>), started
/// before the host; the mailer tries once at once, so an outage is left to the durable message's later tries.
/// </summary>
public sealed class MailAppFixture : AppFixture, IAsyncLifetime
{
    public const string PublicUrl = "http://platform.test";

    public MailServer Mail { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        Mail = await MailServer.StartNewAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Mail.DisposeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Platform:Mail:Host", "127.0.0.1");
        builder.UseSetting("Platform:Mail:Port", Mail.SmtpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:Mail:Security", "None");
        builder.UseSetting("Platform:Mail:Retries", "1");
        builder.UseSetting("Platform:Mail:RetryDelay", "00:00:00.200");
        builder.UseSetting("Platform:Mail:PublicUrl", PublicUrl);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)] // alone: another host on the same database would take its durable messages and handle them with email off
public sealed class MailCollection : ICollectionFixture<MailAppFixture>
{
    public const string Name = "mail";
}
