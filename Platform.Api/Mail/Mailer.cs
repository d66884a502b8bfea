using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Polly;
using Polly.Retry;

namespace Platform.Api.Mail;

/// <summary>
/// Sends one email over SMTP with MailKit. A server that cannot be reached, drops the connection or answers with a
/// transient (4xx) reply is tried again with back-off (<see cref="MailOptions.Retries"/>); a permanent refusal (5xx)
/// is not. When every try failed, the exception reaches the caller: a durable caller (a Wolverine handler) keeps the
/// message and tries again later, so nothing is lost; a message the server accepted is never sent again by this class.
/// </summary>
public sealed class Mailer
{
    private readonly MailOptions _options;
    private readonly ILogger<Mailer> _logger;
    private readonly ResiliencePipeline _retry;

    public Mailer(MailOptions options, ILogger<Mailer> logger)
    {
        _options = options;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && IsTransient(e)),
                MaxRetryAttempts = Math.Max(1, options.Retries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    _logger.LogWarning("Mail: {Server} failed ({Reason}); try {Attempt} in {Delay} ms", Server, args.Outcome.Exception?.Message,
                        args.AttemptNumber + 2, (int)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Whether email is configured at all.</summary>
    public bool IsOn => _options.IsOn;

    /// <summary>The sender address of every email.</summary>
    public MailboxAddress From => MailboxAddress.Parse(_options.From);

    /// <summary>An absolute link into the platform for an email (<paramref name="pathAndQuery"/> starts with '/').</summary>
    public string Link(string pathAndQuery) => _options.PublicUrl.TrimEnd('/') + pathAndQuery;

    private string Server => $"{_options.Host}:{_options.Port}";

    /// <summary>Sends <paramref name="message"/> (its sender set to <see cref="From"/> when it has none).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        if (!IsOn) throw new InvalidOperationException("Email is off: set Platform:Mail:Host.");
        if (message.From.Count == 0) message.From.Add(From);
        await _retry.ExecuteAsync(async token =>
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(_options.Host!, _options.Port, SecureSocket(_options.Security), token);
            if (!string.IsNullOrEmpty(_options.UserName)) await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", token);
            await client.SendAsync(message, token);
            await client.DisconnectAsync(quit: true, token);
        }, cancellation);
    }

    private static SecureSocketOptions SecureSocket(string security) => security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "sslonconnect" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    /// <summary>Worth another try: the server could not be reached or went away, or said "not now" (4xx).</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SocketException or IOException or ServiceNotConnectedException or TimeoutException => true,
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException => true,
        _ => false,
    };
}
