namespace Platform.Api.Infrastructure;

/// <summary>Settings under <c>Platform</c> in appsettings.json (environment: <c>Platform__Demo__Seed</c> and so on).</summary>
public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>PostgreSQL schema that holds all Marten and Wolverine tables.</summary>
    public string Schema { get; set; } = "platform";

    public DemoOptions Demo { get; set; } = new();

    /// <summary>The node's pool of PostgreSQL connections and the deployment's connection budget (<c>Platform:Database</c>).</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Traces and metrics (<c>Platform:Telemetry</c>; the exporter's endpoint is <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Live views over SignalR (<c>Platform:Live</c>).</summary>
    public Live.LiveOptions Live { get; set; } = new();

    /// <summary>
    /// Group commit of supports (<c>Platform:Supports</c>): two writers, so batches are larger than with four and each
    /// support carries less of a transaction's fixed cost (deploy/bench/README.md, "supports", 2026-12-08).
    /// </summary>
    public GroupCommitOptions Supports { get; set; } = new() { Writers = 2 };

    /// <summary>Group commit of town-hall votes (<c>Platform:Votes</c>).</summary>
    public GroupCommitOptions Votes { get; set; } = new();

    /// <summary>Idempotency-Key records (<c>Platform:Idempotency</c>).</summary>
    public IdempotencyOptions Idempotency { get; set; } = new();

    /// <summary>The HTTP front: trusted proxies, secure cookies (<c>Platform:Http</c>).</summary>
    public HttpOptions Http { get; set; } = new();

    /// <summary>The certificate that encrypts the key ring at rest (<c>Platform:KeyRing</c>).</summary>
    public Accounts.KeyRingOptions KeyRing { get; set; } = new();

    /// <summary>Rate limits per client address and per account (<c>Platform:RateLimits</c>).</summary>
    public Accounts.RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>What readiness asks of the views (<c>Platform:Readiness</c>).</summary>
    public ReadinessOptions Readiness { get; set; } = new();

    /// <summary>The SMTP server email goes through (<c>Platform:Mail</c>); without a host, no email is sent.</summary>
    public Mail.MailOptions Mail { get; set; } = new();

    /// <summary>Mailed links to verify an email address or reset a password (<c>Platform:AccountLinks</c>).</summary>
    public Accounts.AccountLinkOptions AccountLinks { get; set; } = new();

    /// <summary>How a node stops: the drain before it stops listening, the grace for requests in flight (<c>Platform:Shutdown</c>).</summary>
    public ShutdownOptions Shutdown { get; set; } = new();

    /// <summary>The cache of anonymous visitors' pages (<c>Platform:Pages</c>).</summary>
    public Web.PageCache.PageCacheOptions Pages { get; set; } = new();

    public sealed class DemoOptions
    {
        /// <summary>Seed the demo network (York, Utrecht, Lviv) when the database has no city.</summary>
        public bool Seed { get; set; }
    }

    /// <summary>
    /// The Npgsql connection string: <c>PLATFORM_DB</c> when set, else <c>ConnectionStrings:Platform</c>.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) => WithDefaults(
        configuration["PLATFORM_DB"] is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : configuration.GetConnectionString("Platform")
              ?? throw new InvalidOperationException("Set PLATFORM_DB or ConnectionStrings:Platform to an Npgsql connection string."));

    /// <summary>
    /// Npgsql prepares the statements a connection runs repeatedly (<c>Max Auto Prepare</c>, unless the connection
    /// string sets it): the platform runs the same few hundred statements over and over, and an unprepared one is
    /// parsed and planned again on every call, which costs PostgreSQL more than executing it.
    /// </summary>
    public static string WithDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Replace(" ", "").Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 200;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }
}
