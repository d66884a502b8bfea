using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Ready means the views and live pushes work, not only that PostgreSQL answers: every asynchronous projection and the
/// live-views subscription (the shards of the event daemon) must be running on a node of the cluster that is alive
/// (Wolverine assigns each to one node and moves it when that node dies; its assignment table and node heartbeats say
/// where). Until then the node is not ready: a change written meanwhile would not be pushed yet. Once a node has seen
/// them all running, a shard that stops running (its node died, another takes it over within seconds) or runs more
/// than <see cref="ReadinessOptions.MaxProjectionLagSeconds"/> behind the newest events makes readiness
/// <em>degraded</em> (still 200: the node serves, the views are late), never down: a takeover must not take every
/// node out of the proxy at once.
/// </summary>
public sealed class ProjectionHealthCheck(IDocumentStore store, NpgsqlDataSource database, PlatformOptions platform, Wolverine.Runtime.IWolverineRuntime wolverine,
    TimeProvider clock) : IHealthCheck
{
    private string[]? _shards;
    private volatile bool _sawAllRunning;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        _shards ??= ((DocumentStore)store).Options.Projections.AllShards().Select(s => s.Name.Identity).Order(StringComparer.Ordinal).ToArray();
        if (_shards.Length == 0) return HealthCheckResult.Healthy();
        try
        {
            var (running, here) = await RunningShardsAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["runningHere"] = here };
            var idle = _shards.Where(s => !running.Contains(AgentSuffix(s))).ToList();
            if (idle.Count > 0)
                return _sawAllRunning
                    ? HealthCheckResult.Degraded($"Not running on any live node (being taken over): {string.Join(", ", idle)}.", data: data)
                    : HealthCheckResult.Unhealthy($"Not running on any node yet: {string.Join(", ", idle)}.", data: data);
            _sawAllRunning = true;

            var maxLag = TimeSpan.FromSeconds(platform.Readiness.MaxProjectionLagSeconds);
            var behind = new List<string>();
            foreach (var (shard, oldestPending) in await PendingAsync(cancellationToken))
                if (clock.GetUtcNow() - oldestPending is var lag && lag > maxLag) behind.Add($"{shard} {lag.TotalSeconds:0} s");
            return behind.Count > 0
                ? HealthCheckResult.Degraded($"Views behind the newest events: {string.Join(", ", behind)}.", data: data)
                : HealthCheckResult.Healthy(data: data);
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e) || e is OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", e);
        }
    }

    /// <summary>How Wolverine's agent for a shard ends: <c>live-views:All</c> runs as <c>event-subscriptions://marten/main/{database}/live-views/all</c>.</summary>
    private static string AgentSuffix(string shard) => "/" + shard.ToLowerInvariant().Replace(':', '/');

    /// <summary>
    /// The agent suffixes of the shards running here or assigned to a node whose heartbeat is recent; and the shards
    /// running here (shown in the answer, so an operator sees which node holds what).
    /// </summary>
    private async Task<(HashSet<string> Running, string[] Here)> RunningShardsAsync(CancellationToken cancellation)
    {
        var running = new HashSet<string>(StringComparer.Ordinal);
        string? Add(string agent)
        {
            foreach (var shard in _shards!)
                if (agent.EndsWith(AgentSuffix(shard), StringComparison.Ordinal))
                {
                    running.Add(AgentSuffix(shard));
                    return shard;
                }
            return null;
        }
        // A node on its own (Wolverine's solo mode, as in the tests) runs every agent itself and records no assignment.
        var here = wolverine.Agents.AllRunningAgentUris().Select(agent => Add(agent.ToString().TrimEnd('/'))).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (running.Count == _shards!.Length) return (running, here);

        var schema = platform.Schema;
        await using var command = database.CreateCommand(
            $"select a.id from {schema}.wolverine_node_assignments a join {schema}.wolverine_nodes n on n.id = a.node_id " +
            $"where a.id like 'event-subscriptions://%' and n.health_check > now() - make_interval(secs => $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = (double)platform.Readiness.NodeHeartbeatSeconds });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation)) Add(reader.GetString(0));
        return (running, here);
    }

    /// <summary>For each shard behind the high-water mark: the time of the oldest event it has yet to process.</summary>
    private async Task<List<(string Shard, DateTimeOffset OldestPending)>> PendingAsync(CancellationToken cancellation)
    {
        var schema = platform.Schema;
        await using var command = database.CreateCommand(
            $"select p.name, (select e.timestamp from {schema}.mt_events e where e.seq_id > p.last_seq_id order by e.seq_id limit 1) " +
            $"from {schema}.mt_event_progression p, {schema}.mt_event_progression h " +
            "where h.name = 'HighWaterMark' and p.name = any($1) and p.last_seq_id < h.last_seq_id");
        command.Parameters.Add(new NpgsqlParameter { Value = _shards! });
        var pending = new List<(string, DateTimeOffset)>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            if (!reader.IsDBNull(1)) pending.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
        return pending;
    }
}

/// <summary>What readiness asks of the views (<c>Platform:Readiness</c>).</summary>
public sealed class ReadinessOptions
{
    /// <summary>A view further behind the newest events than this makes readiness degraded.</summary>
    public int MaxProjectionLagSeconds { get; set; } = 10;

    /// <summary>A node whose Wolverine heartbeat is older than this is not counted as running its shards.</summary>
    public int NodeHeartbeatSeconds { get; set; } = 10;
}

/// <summary>The readiness answer as JSON: the overall status, and each check's status and reason, so an operator sees why.</summary>
public static class HealthReportJson
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), reason = e.Value.Description, data = e.Value.Data }),
        });
    }
}
