using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using Platform.Api.Mail;

namespace Platform.Tests.Mail;

/// <summary>The SMTP sender against a real SMTP server process: sent once, retried through an outage, refused when it lasts.</summary>
public sealed class MailerTests : IAsyncLifetime
{
    private MailServer _server = null!;

    public async Task InitializeAsync() => _server = await MailServer.StartNewAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Mailer MailerFor(int retries = 3) => new(new MailOptions
    {
        Host = "127.0.0.1",
        Port = _server.SmtpPort,
        Security = "None",
        Retries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(500),
        PublicUrl = "https://rights.example/",
    }, NullLogger<Mailer>.Instance);

    private static MimeMessage Message(string to, string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new BodyBuilder { TextBody = "Plain words", HtmlBody = "<p>Plain words</p>" }.ToMessageBody() };
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }

    [Fact]
    public async Task A_message_reaches_the_server_once_with_the_platform_as_its_sender_and_both_bodies()
    {
        var mailer = MailerFor();
        await mailer.SendAsync(Message("ana@example.org", "Your concern was answered"), CancellationToken.None);

        var received = Assert.Single(await _server.WaitForAsync("ana@example.org"));
        Assert.Equal("Your concern was answered", received.Subject);
        Assert.Equal("no-reply@platform.localhost", received.From.Mailboxes.Single().Address);
        Assert.Contains("Plain words", received.TextBody);
        Assert.Contains("<p>Plain words</p>", received.HtmlBody);
        Assert.Equal("https://rights.example/accounts/verify?token=x", mailer.Link("/accounts/verify?token=x"));
    }

    [Fact]
    public async Task A_server_that_is_down_for_a_moment_is_tried_again_and_gets_the_message_once()
    {
        // Eight tries, 0.5 s apart at first and doubling: about two minutes, room for a slow restart on a busy machine.
        await _server.StopAsync();
        var sending = MailerFor(retries: 8).SendAsync(Message("ben@example.org", "Outage"), CancellationToken.None);
        await Task.Delay(1200);
        Assert.False(sending.IsCompleted);
        await _server.StartAsync();
        await sending;

        await Task.Delay(500);
        Assert.Single(await _server.WaitForAsync("ben@example.org"));
    }

    [Fact]
    public async Task A_server_that_stays_down_fails_the_send_after_the_retries_so_a_durable_caller_keeps_the_message()
    {
        await _server.StopAsync();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => MailerFor(retries: 2).SendAsync(Message("cy@example.org", "Lost?"), CancellationToken.None));
        Assert.True(Mailer.IsTransient(failure), failure.ToString());
        await _server.StartAsync();
        Assert.Empty(await _server.WaitForAsync("cy@example.org", wait: TimeSpan.FromSeconds(1)));
    }
}
