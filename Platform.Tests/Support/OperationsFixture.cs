using Microsoft.AspNetCore.Hosting;

namespace Platform.Tests.Support;

/// <summary>
/// A host whose connection budget is set to exceed the test cluster's max_connections (300): ten nodes of 40
/// connections each, its connections named for it in pg_stat_activity.
/// </summary>
public sealed class OperationsFixture : AppFixture
{
    public const int PoolSize = 40;
    public const int Nodes = 10;
    public const string ApplicationName = "platform-operations-tests";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("PLATFORM_DB", $"{TestDatabase.ConnectionString};Application Name={ApplicationName}");
        builder.UseSetting("Platform:Database:MaxPoolSize", PoolSize.ToString());
        builder.UseSetting("Platform:Database:ExpectedNodes", Nodes.ToString());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)] // it counts its own connections: no other host runs beside it
public sealed class OperationsCollection : ICollectionFixture<OperationsFixture>
{
    public const string Name = "operations";
}
