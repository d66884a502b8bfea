using Microsoft.Extensions.Logging;
using Platform.Api.Infrastructure;
using Weasel.Postgresql;
using Wolverine.Persistence.Durability;

namespace Platform.Tests.Operations;

/// <summary>
/// One pool of connections per node, sized by configuration, and the start-up warning when the nodes together may
/// open more connections than PostgreSQL accepts (the fixture: 10 nodes × 40 against the test cluster's 300).
/// </summary>
[Collection(OperationsCollection.Name)]
public class ConnectionBudgetTests(OperationsFixture app)
{
    [Fact]
    public async Task A_budget_above_max_connections_is_a_warning_at_start_naming_the_figures_and_the_setting()
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        CapturedLog.Entry? warning;
        do warning = app.Log.Since(DateTimeOffset.MinValue).FirstOrDefault(e => e.Category == typeof(ConnectionBudget).FullName && e.Level == LogLevel.Warning);
        while (warning is null && DateTime.UtcNow < until && await Task.Delay(100).ContinueWith(_ => true));

        Assert.NotNull(warning);
        Assert.Contains($"{OperationsFixture.Nodes} node(s) × a pool of {OperationsFixture.PoolSize} may open {OperationsFixture.Nodes * OperationsFixture.PoolSize} connections", warning.Message);
        Assert.Contains("max_connections 300", warning.Message);
        Assert.Contains("Platform:Database:MaxPoolSize", warning.Message);

        var budget = await app.Host.Services.GetRequiredService<ConnectionBudget>().CheckAsync(CancellationToken.None);
        Assert.Equal(new ConnectionBudget.Budget(OperationsFixture.Nodes, OperationsFixture.PoolSize, 300, 3), budget);
        Assert.True(budget!.Exceeded);
        Assert.False((budget with { Nodes = 7 }).Exceeded); // 280 of 297
    }

    [Fact]
    public async Task Marten_Wolverine_and_the_readers_share_the_one_data_source_and_never_hold_more_than_its_pool()
    {
        var dataSource = app.Host.Services.GetRequiredService<NpgsqlDataSource>();
        Assert.Equal(OperationsFixture.PoolSize, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize);
        Assert.Same(dataSource, ((PostgresqlDatabase)app.Store.Storage.Database).DataSource);
        // Wolverine's PostgreSQL message store is internal: its data source is read as a property of the store.
        var messageStore = app.Host.Services.GetRequiredService<IMessageStore>();
        Assert.Same(dataSource, messageStore.GetType().GetProperty("DataSource")!.GetValue(messageStore));

        // Work through Marten (writes, group commit) and through the readers (lists) at once.
        var id = await app.RaiseAsync();
        var residents = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => app.ResidentAsync()));
        await Task.WhenAll(residents.Select(r => app.SupportAsync(id, r)).Concat(Enumerable.Range(0, 30).Select(_ => app.GetConcernAsync(id))));

        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from pg_stat_activity where application_name = @name", connection);
        count.Parameters.AddWithValue("name", OperationsFixture.ApplicationName);
        var backends = (long)(await count.ExecuteScalarAsync())!;
        Assert.InRange(backends, 1, OperationsFixture.PoolSize);
    }

    [Theory]
    [InlineData("Host=h;Database=d", null, DatabaseOptions.DefaultMaxPoolSize)]
    [InlineData("Host=h;Database=d;Maximum Pool Size=200", null, 200)]
    [InlineData("Host=h;Database=d;MaxPoolSize=70", null, 70)]
    [InlineData("Host=h;Database=d;Maximum Pool Size=200", 30, 30)]
    public void The_pool_size_is_the_setting_else_the_connection_strings_else_fifty(string connectionString, int? setting, int expected)
    {
        var pooled = new NpgsqlConnectionStringBuilder(new DatabaseOptions { MaxPoolSize = setting }.Pooled(connectionString));
        Assert.Equal(expected, pooled.MaxPoolSize);
        Assert.Equal(DatabaseOptions.DefaultApplicationName, pooled.ApplicationName);
    }
}
