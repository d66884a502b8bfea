using Platform.Api.Cities;
using Platform.Api.Demo;
using Weasel.Core;

namespace Platform.Tests.Cluster;

/// <summary>
/// A cluster of real processes for tests of several nodes: Redis (the SignalR backplane), <see cref="NodeCount"/> API
/// nodes on their own database (the test database's name + <c>_cluster</c>, made afresh for every run), and HAProxy in
/// front when a test asks for it (<see cref="FrontAsync"/>). The demo cities exist; nothing else is assumed.
/// Failure tests stop and start parts through <see cref="ApiNode.KillAsync"/>, <see cref="ApiNode.TerminateAsync"/>,
/// <see cref="ApiNode.RestartAsync"/> and <see cref="RedisServer"/>; a test that does must leave every node running.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const int NodeCount = 3;

    private readonly SemaphoreSlim _frontGate = new(1, 1);
    private HaproxyFront? _front;
    private readonly List<ApiNode> _nodes = [];

    public RedisServer Redis { get; private set; } = null!;
    public IReadOnlyList<ApiNode> Nodes => _nodes;
    /// <summary>The cluster's own database (never the one the in-process tests share).</summary>
    public string ConnectionString { get; } = ClusterDatabase(TestDatabase.ConnectionString);
    public string LogFolder { get; } = ClusterPaths.LogFolder();

    public async Task InitializeAsync()
    {
        await RecreateDatabaseAsync();
        Redis = await RedisServer.StartAsync();
        var environment = NodeEnvironment(ConnectionString, Redis.Configuration);
        for (var number = 1; number <= NodeCount; number++) _nodes.Add(new ApiNode(number, environment, LogFolder));

        // Node 1 alone first: it creates the schema (nodes starting together would all try), then the others join at once.
        await _nodes[0].StartAsync();
        await StoreCitiesAsync(ConnectionString);
        await Task.WhenAll(_nodes.Skip(1).Select(node => node.StartAsync()));
    }

    /// <summary>Starts again any node an earlier test stopped and failed before starting it (so one failure does not fail the rest).</summary>
    public async Task EnsureAllRunningAsync()
    {
        foreach (var node in _nodes.Where(n => !n.IsRunning)) await node.StartAsync();
    }

    /// <summary>HAProxy in front of every node, started on first use.</summary>
    public async Task<HaproxyFront> FrontAsync()
    {
        await _frontGate.WaitAsync();
        try
        {
            return _front ??= await HaproxyFront.StartAsync(_nodes);
        }
        finally
        {
            _frontGate.Release();
        }
    }

    /// <summary>What every node is started with: the Test environment, a database and (when several nodes) a Redis.</summary>
    public static Dictionary<string, string> NodeEnvironment(string connectionString, string? redis) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Test",
        ["PLATFORM_DB"] = connectionString,
        ["Platform__Live__Redis"] = redis ?? "",
        // A stopping node answers not ready for 3 s before it stops listening: HAProxy (a check a second, two to
        // take a node out) has moved new requests away by then.
        ["Platform__Shutdown__DrainSeconds"] = "3",
        // A claim whose node died before storing its answer is taken over after 3 s, not 30: the failure tests wait for it.
        ["Platform__Idempotency__LeaseSeconds"] = "3",
        ["Platform__Demo__Seed"] = "false",
        ["Platform__Http__SecureCookies"] = "false",
        ["Platform__KeyRing__CertificatePath"] = TestDatabase.KeyRingCertificate, // one key ring: a token from one node works on all
        // The tests' residents all come from 127.0.0.1 and act faster than people may.
        ["Platform__RateLimits__RegistrationsPerAddressPerHour"] = "1000000",
        ["Platform__RateLimits__SignInsPerAddressPerMinute"] = "1000000",
        ["Platform__RateLimits__WritesPerAccountPerMinute"] = "1000000",
        ["Logging__LogLevel__Default"] = "Information",
        ["Logging__LogLevel__Microsoft.Extensions.Diagnostics.HealthChecks"] = "Warning", // HAProxy asks every second
        ["Logging__Console__FormatterName"] = "simple",
        ["Logging__Console__FormatterOptions__SingleLine"] = "true",
        ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
    };

    private static string ClusterDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Database = $"{builder.Database}_cluster";
        builder.MaxPoolSize = 40; // three nodes and the fixture stay far below PostgreSQL's max_connections
        return builder.ConnectionString;
    }

    private async Task RecreateDatabaseAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using (var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection)) await drop.ExecuteNonQueryAsync();
        await using (var create = new NpgsqlCommand($"create database \"{name}\"", connection)) await create.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The demo cities, stored as the in-process fixture stores them. A store of its own that knows only the city
    /// document and changes no schema: the nodes made the schema.
    /// </summary>
    public static async Task StoreCitiesAsync(string connectionString)
    {
        using var store = DocumentStore.For(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = "platform";
            o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            o.Schema.For<City>().SingleTenanted();
            o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        });
        await using var session = store.LightweightSession();
        session.Store(DemoNetwork.Cities);
        await session.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        if (_front is not null) await _front.DisposeAsync();
        foreach (var node in _nodes) await node.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
    }
}

/// <summary>
/// Runs alone, after the other collections: three API nodes, Redis, HAProxy and the failure tests' load would otherwise
/// starve the browser tests on a 2-core machine (a sign-in page timed out in CI while they ran side by side).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
