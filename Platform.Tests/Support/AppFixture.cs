using JasperFx;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Platform.Api.Cities;
using Platform.Api.Demo;
using Wolverine;

namespace Platform.Tests.Support;

/// <summary>
/// One API host per test collection, on the real PostgreSQL test database, in the Test environment
/// (where the development resident header is honoured). The demo cities exist; nothing else is assumed.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    /// <summary>The pseudonym the platform stores a person's supports, votes and answers under.</summary>
    public Guid Participant(Actor person) => Host.Services.GetRequiredService<Platform.Api.Accounts.Pseudonyms>().Of(person.Id);
    /// <summary>The platform's clock (the system clock unless a test moves it).</summary>
    public ShiftedClock Clock { get; } = new();
    /// <summary>What the host logs, for tests of the log itself.</summary>
    public CapturedLog Log { get; } = new();

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLATFORM_DB", TestDatabase.ConnectionString);
        JasperFxEnvironment.AutoStartHost = true;
        Host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseEnvironment("Test");
            builder.UseSetting("Platform:Demo:Seed", "false");
            builder.UseSetting("Platform:Http:SecureCookies", "false"); // served over plain HTTP on loopback
            builder.UseSetting("Platform:KeyRing:CertificatePath", TestDatabase.KeyRingCertificate);
            builder.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
            });
            Configure(builder);
        });
        await using var session = Store.LightweightSession();
        session.Store(DemoNetwork.Cities);
        await session.SaveChangesAsync();
    }

    /// <summary>Settings and services of a fixture for a collection of its own, on top of the usual ones.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>
    /// How many events the whole store holds: tests of refused writes assert it does not move. Tombstones
    /// (placeholders Marten writes for sequence numbers of failed transactions) are not events.
    /// </summary>
    public async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from platform.mt_events where type <> 'tombstone'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}
