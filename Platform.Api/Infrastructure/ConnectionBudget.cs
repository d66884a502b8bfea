
namespace Platform.Api.Infrastructure;

/// <summary>
/// At start, compares the connections the deployment's nodes may open together (<see cref="DatabaseOptions.ExpectedNodes"/>
/// × the node's pool size) with what PostgreSQL accepts from ordinary roles (<c>max_connections</c> less the
/// connections reserved for superusers), and warns when the budget exceeds it: under load, the nodes would then be
/// refused connections ("too many clients") instead of waiting for one of their own pool. It never stops the start.
/// </summary>
public sealed class ConnectionBudget(NpgsqlDataSource database, DatabaseOptions options, ILogger<ConnectionBudget> logger) : IHostedService
{
    /// <summary>What PostgreSQL accepts and what the nodes may ask for.</summary>
    public sealed record Budget(int Nodes, int PoolSize, int MaxConnections, int Reserved)
    {
        public int Wanted => Nodes * PoolSize;
        public int Available => MaxConnections - Reserved;
        public bool Exceeded => Wanted > Available;
    }

    /// <summary>The size of this node's pool.</summary>
    public int PoolSize { get; } = new NpgsqlConnectionStringBuilder(database.ConnectionString).MaxPoolSize;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: a database that is not up yet must not hold back (or fail) the start of the node.
        _ = Task.Run(() => CheckAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads the server's limits, logs the outcome and answers it; null when the server could not be asked.</summary>
    public async Task<Budget?> CheckAsync(CancellationToken cancellation)
    {
        try
        {
            await using var command = database.CreateCommand(
                "select current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int"
                + " + coalesce(current_setting('reserved_connections', true), '0')::int");
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            await reader.ReadAsync(cancellation);
            var budget = new Budget(Math.Max(1, options.ExpectedNodes), PoolSize, reader.GetInt32(0), reader.GetInt32(1));
            if (budget.Exceeded)
                logger.LogWarning(
                    "Connection budget exceeded: {Nodes} node(s) × a pool of {PoolSize} may open {Wanted} connections, but PostgreSQL accepts {Available} (max_connections {MaxConnections} less {Reserved} reserved). Under load nodes will be refused connections: lower Platform:Database:MaxPoolSize, or raise max_connections",
                    budget.Nodes, budget.PoolSize, budget.Wanted, budget.Available, budget.MaxConnections, budget.Reserved);
            else
                logger.LogInformation(
                    "Connection budget: {Nodes} node(s) × a pool of {PoolSize} = {Wanted} connections of the {Available} PostgreSQL accepts",
                    budget.Nodes, budget.PoolSize, budget.Wanted, budget.Available);
            return budget;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("The connection budget could not be checked: {Reason}", e.Message);
            return null;
        }
    }
}
