using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>
/// Processor time spent by the API, by PostgreSQL (the server processes serving the benchmark's database)
/// and by this load generator over a phase, per operation: where each operation's cost goes, largely
/// unaffected by whatever else the machine runs. Linux only (reads /proc); elsewhere PostgreSQL reads as zero.
/// With several API nodes, "api" is the sum over all of them.
/// </summary>
public sealed class CpuMeter(IReadOnlyList<HttpClient> apis, string database)
{
    public CpuMeter(HttpClient api, string database) : this([api], database) { }

    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public async Task<Snapshot> TakeAsync()
    {
        var (api, jit) = await ApiAsync();
        return new(api, await PostgresAsync(), Process.GetCurrentProcess().TotalProcessorTime, jit);
    }

    /// <summary>Processor time over the interval in microseconds: API (all nodes), PostgreSQL, this load generator.</summary>
    public static (double Api, double Postgres, double Client) Spent(Snapshot before, Snapshot after)
    {
        var postgres = after.Postgres.Sum(p => p.Value - before.Postgres.GetValueOrDefault(p.Key)) / TicksPerSecond;
        return ((after.Api - before.Api).TotalMilliseconds * 1000, postgres * 1_000_000, (after.Client - before.Client).TotalMilliseconds * 1000);
    }

    public static string PerOperation(Snapshot before, Snapshot after, long operations)
    {
        if (operations == 0) return "cpu per op: n/a";
        double Us(TimeSpan t) => t.TotalMilliseconds * 1000 / operations;
        // Per server process: a process that started during the phase counts whole; one that ended is missed.
        var postgres = TimeSpan.FromSeconds(after.Postgres.Sum(p => p.Value - before.Postgres.GetValueOrDefault(p.Key)) / TicksPerSecond);
        return $"cpu per op: api {Us(after.Api - before.Api):F0} µs, postgres {Us(postgres):F0} µs, load generator {Us(after.Client - before.Client):F0} µs; " +
               $"api jit {(after.Jit - before.Jit).TotalMilliseconds:F0} ms";
    }

    /// <summary>Processor time and JIT compilation time of the API (all nodes).</summary>
    private async Task<(TimeSpan Processor, TimeSpan Jit)> ApiAsync()
    {
        TimeSpan total = TimeSpan.Zero, jit = TimeSpan.Zero;
        foreach (var api in apis)
        {
            var process = await api.GetFromJsonAsync<JsonElement>("/api/bench/process");
            total += TimeSpan.FromMilliseconds(process.GetProperty("processorMilliseconds").GetDouble());
            jit += TimeSpan.FromMilliseconds(process.GetProperty("jitMilliseconds").GetDouble());
        }
        return (total, jit);
    }

    /// <summary>Server processes connected to the benchmark's database, plus the cluster's WAL writer and checkpointer.</summary>
    private async Task<Dictionary<int, double>> PostgresAsync()
    {
        var ticks = new Dictionary<int, double>();
        if (!Directory.Exists("/proc")) return ticks;
        await using var connection = new Npgsql.NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "select pid from pg_stat_activity where datname = current_database() or backend_type in ('walwriter', 'checkpointer')", connection);
        var pids = new List<int>();
        await using (var reader = await query.ExecuteReaderAsync())
            while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));

        foreach (var pid in pids)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var close = stat.LastIndexOf(')');
                var fields = stat[(close + 2)..].Split(' ');
                ticks[pid] = double.Parse(fields[11]) + double.Parse(fields[12]); // utime, stime
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return ticks;
    }

    /// <param name="Jit">The API's JIT compilation time so far (all nodes).</param>
    public sealed record Snapshot(TimeSpan Api, Dictionary<int, double> Postgres, TimeSpan Client, TimeSpan Jit);
}
