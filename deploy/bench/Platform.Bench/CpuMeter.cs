using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench;

/// <summary>
/// Processor time spent by the API, by PostgreSQL (all its processes) and by this load generator over a
/// phase, per operation: where each operation's cost goes, largely unaffected by whatever else the
/// machine runs. Linux only (reads /proc); elsewhere PostgreSQL reads as zero.
/// </summary>
public sealed class CpuMeter(HttpClient api)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public async Task<Snapshot> TakeAsync() => new(await ApiAsync(), Postgres(), Process.GetCurrentProcess().TotalProcessorTime);

    public static string PerOperation(Snapshot before, Snapshot after, long operations)
    {
        if (operations == 0) return "cpu per op: n/a";
        double Us(TimeSpan t) => t.TotalMilliseconds * 1000 / operations;
        return $"cpu per op: api {Us(after.Api - before.Api):F0} µs, postgres {Us(after.Postgres - before.Postgres):F0} µs, load generator {Us(after.Client - before.Client):F0} µs";
    }

    private async Task<TimeSpan> ApiAsync()
    {
        var process = await api.GetFromJsonAsync<JsonElement>("/api/bench/process");
        return TimeSpan.FromMilliseconds(process.GetProperty("processorMilliseconds").GetDouble());
    }

    private static TimeSpan Postgres()
    {
        double ticks = 0;
        if (!Directory.Exists("/proc")) return TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                if (stat[(open + 1)..close] != "postgres") continue;
                var fields = stat[(close + 2)..].Split(' ');
                ticks += double.Parse(fields[11]) + double.Parse(fields[12]); // utime, stime
            }
            catch (IOException) { } // the process ended meanwhile
            catch (UnauthorizedAccessException) { }
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public sealed record Snapshot(TimeSpan Api, TimeSpan Postgres, TimeSpan Client);
}
