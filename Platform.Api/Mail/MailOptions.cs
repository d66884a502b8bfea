namespace Platform.Api.Mail;

/// <summary>
/// The SMTP server the platform sends its email through (<c>Platform:Mail</c>; environment <c>Platform__Mail__Host</c>
/// and so on). Without a host, no email is sent: the platform works, and what would have been mailed stays in the
/// platform (the inbox). <c>deploy/up</c> starts a local server that keeps what it receives and sets the host and port.
/// </summary>
public sealed class MailOptions
{
    /// <summary>The SMTP server's host name; empty: email is off.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>How to secure the connection: <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>Auto</c> (TLS when the server offers it).</summary>
    public string Security { get; set; } = "Auto";

    /// <summary>The account to sign in to the server with, when it asks for one.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender every email names.</summary>
    public string From { get; set; } = "Human Rights Cities <no-reply@platform.localhost>";

    /// <summary>The platform's address as residents reach it, for the links in emails (verification, reset, unsubscribe).</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>How many times a send is tried again at once when the server cannot be reached or answers "try later".</summary>
    public int Retries { get; set; } = 3;

    /// <summary>The first pause before trying again (doubling each time, with jitter).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The local hour (0-23) of the daily digest, the officials' daily lists and, on Mondays, the weekly digest.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>The IANA time zone of <see cref="DigestHour"/>.</summary>
    public string DigestTimeZone { get; set; } = "UTC";

    public bool IsOn => !string.IsNullOrWhiteSpace(Host);
}
