using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// Three failures on a running cluster, each under load and each measured from outside:
/// <list type="number">
/// <item>kill -9 of a node (one not running the live-view subscription) under supports through HAProxy: every support
/// answered 2xx must be in the store afterwards (its event sequence, from the answer, is looked up in mt_events);</item>
/// <item>PostgreSQL restarted (<c>pg_ctl restart -m fast</c>, the command in BENCH_PG_RESTART) under the same load:
/// answers other than 2xx and 503 that are 5xx, and the seconds from PostgreSQL accepting connections again until
/// writes succeed again;</item>
/// <item>takeover: the node running the live-view subscription killed with -9; the seconds until a support written
/// after the kill, through a surviving node, is pushed to a watcher connected to a surviving node.</item>
/// </list>
/// The killed nodes stay dead (the third step needs a node left besides the subscription's; with two nodes it is skipped).
/// </summary>
public sealed class FaultsBenchmark(string front, IReadOnlyList<string> nodes, string connectionString, int clients, TimeSpan duration, string? pgRestart)
{
    // The bench's own checks open a connection each time: a pooled one would be dead after the restart.
    private readonly string database = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    private const string City = SupportsBenchmark.City;
    private const string Schema = "platform";

    private sealed record Node(int Index, string Url, int Pid, int Number, string[] Agents)
    {
        public override string ToString() => $"node {Index + 1} ({Url}, pid {Pid}, Wolverine node {Number})";
    }

    /// <summary>One answered (or failed) support: which resident, the status (0: no answer), when it ended, its sequence.</summary>
    private sealed record Outcome(int Token, int Status, bool RetryAfter, double EndedAt, long? Sequence, string? Error);

    public async Task<int> RunAsync()
    {
        using var proxy = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(front),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var perPhase = (int)Math.Min(200_000, (duration.TotalSeconds + 15) * 3_000);
        Console.WriteLine($"creating {2 * perPhase + 20} residents and 3 concerns ...");
        var killTokens = await SupportsBenchmark.ResidentsAsync(proxy, perPhase);
        var pgTokens = await SupportsBenchmark.ResidentsAsync(proxy, perPhase);
        var takeoverTokens = await SupportsBenchmark.ResidentsAsync(proxy, 20);
        var author = takeoverTokens[^1];
        var killConcern = await SupportsBenchmark.RaiseAsync(proxy, author, "Concern supported while a node is killed");
        var pgConcern = await SupportsBenchmark.RaiseAsync(proxy, author, "Concern supported while PostgreSQL restarts");

        var all = await NodesAsync();
        var live = await LiveViewsNodeAsync(all, TimeSpan.FromSeconds(30));
        foreach (var node in all)
            Console.WriteLine($"{node}: {(node == live ? "runs the live-view subscription; " : "")}" +
                              $"agents {string.Join(", ", node.Agents.Select(a => a[(a.LastIndexOf("/", a.Length - 5, StringComparison.Ordinal) + 1)..]))}");
        Console.WriteLine();

        // 1. kill -9 under load: a node other than the subscription's, the last one that is not.
        var victim = all.Last(n => n != live);
        var kill = await KillUnderLoadAsync(proxy, victim, killTokens, killConcern);
        var alive = all.Where(n => n != victim).ToList();

        // 2. PostgreSQL restart under load.
        var pg = pgRestart is null ? null : await RestartUnderLoadAsync(proxy, pgTokens, pgConcern);

        // 3. Takeover of the live-view subscription.
        var takeover = await TakeoverAsync(alive, takeoverTokens);

        Console.WriteLine();
        var pgPart = pg is null ? "pg-restart not run (no BENCH_PG_RESTART)" : $"pg-restart other-5xx {pg.Value.Other5xx}, recovered in {pg.Value.Recovered:F1} s";
        var takeoverPart = takeover.Seconds is { } t ? $"takeover {t:F1} s" : $"takeover {takeover.Otherwise}";
        Console.WriteLine($"faults: kill-9 lost {kill.Lost} of {kill.Accepted} accepted; {pgPart}; {takeoverPart}");
        return kill.Lost == 0 && pg is { Other5xx: 0, Lost: 0 } && takeover.Seconds is not null ? 0 : 1;
    }

    private async Task<(long Lost, long Accepted)> KillUnderLoadAsync(HttpClient proxy, Node victim, string[] tokens, Guid concern)
    {
        Console.WriteLine($"[kill-9] supports through HAProxy at {clients} clients for {duration.TotalSeconds:F0} s; {victim} killed after {duration.TotalSeconds / 3:F0} s");
        var clock = Stopwatch.StartNew();
        var load = SupportLoadAsync(proxy, tokens, concern, clock, () => clock.Elapsed < duration);
        await Task.Delay(duration / 3);
        Process.GetProcessById(victim.Pid).Kill(); // SIGKILL
        var killedAt = clock.Elapsed.TotalSeconds;
        var readiness = FrontReadinessAsync(proxy, clock, TimeSpan.FromSeconds(90));
        var outcomes = await load;
        var (notReadyFrom, readyAgain) = await readiness;
        Console.WriteLine($"[kill-9] {Describe(outcomes)}");
        var failed = outcomes.Where(o => o.EndedAt > killedAt && o.Status is < 200 or > 299).Select(o => o.EndedAt).ToList();
        Console.WriteLine($"[kill-9] failed answers after the kill: {failed.Count}, the last {(failed.Count == 0 ? 0 : failed.Max() - killedAt):F1} s after it; " +
                          (notReadyFrom is null ? "HAProxy's /health/ready stayed 200" : readyAgain is null ? $"HAProxy's /health/ready failed from {notReadyFrom - killedAt:F1} s after the kill and NOT again 200 within 90 s"
                              : $"HAProxy's /health/ready did not answer 200 from {notReadyFrom - killedAt:F1} s to {readyAgain - killedAt:F1} s after the kill"));
        return await VerifyAsync("kill-9", proxy, outcomes, concern);
    }

    private async Task<(long Other5xx, double Recovered, long Lost)?> RestartUnderLoadAsync(HttpClient proxy, string[] tokens, Guid concern)
    {
        Console.WriteLine($"[pg-restart] supports through HAProxy at {clients} clients; PostgreSQL restarted (pg_ctl restart -m fast) after 3 s; load until 8 s after it is back");
        var clock = Stopwatch.StartNew();
        double? backAt = null;
        var load = SupportLoadAsync(proxy, tokens, concern, clock,
            () => clock.Elapsed < TimeSpan.FromSeconds(120) && (backAt is null || clock.Elapsed.TotalSeconds < backAt + 8));
        await Task.Delay(TimeSpan.FromSeconds(3));
        var restartAt = clock.Elapsed.TotalSeconds;
        using (var restart = Process.Start(new ProcessStartInfo("bash", ["-c", pgRestart!]))!)
        {
            await restart.WaitForExitAsync();
            if (restart.ExitCode != 0) Console.WriteLine($"[pg-restart] the restart command failed ({restart.ExitCode})");
        }
        backAt = clock.Elapsed.TotalSeconds;
        var outcomes = await load;
        var back = backAt.Value;
        var failures = outcomes.Where(o => o.Status is < 200 or > 299).Select(o => o.EndedAt).ToList();
        var other5xx = outcomes.LongCount(o => o.Status >= 500 && o.Status != 503);
        // Recovered: from PostgreSQL accepting connections again (pg_ctl returned) until the last failed answer, after
        // which every write succeeded; 0 when no write failed after PostgreSQL was back.
        var lastFailure = failures.DefaultIfEmpty(double.NaN).Max();
        var recovered = failures.Count == 0 || lastFailure < back ? 0 : lastFailure - back;
        var firstOk = outcomes.Where(o => o.EndedAt >= back && o.Status is >= 200 and <= 299).Select(o => o.EndedAt).DefaultIfEmpty(double.NaN).Min();
        Console.WriteLine($"[pg-restart] {Describe(outcomes)}");
        Console.WriteLine($"[pg-restart] the restart took {back - restartAt:F1} s; failed answers from {failures.DefaultIfEmpty(double.NaN).Min() - restartAt:F1} s " +
                          $"to {lastFailure - restartAt:F1} s after it began; after PostgreSQL was back, the first write answered 2xx at +{firstOk - back:F1} s, the last failure at +{recovered:F1} s");
        var (lost, _) = await VerifyAsync("pg-restart", proxy, outcomes, concern);
        return (other5xx, recovered, lost);
    }

    /// <summary>Seconds until pushed, or why there is no such figure.</summary>
    private async Task<(double? Seconds, string? Otherwise)> TakeoverAsync(List<Node> alive, string[] tokens)
    {
        var live = await LiveViewsNodeAsync(alive, TimeSpan.FromSeconds(60));
        var survivor = alive.FirstOrDefault(n => n != live);
        if (live is null || survivor is null)
        {
            Console.WriteLine($"[takeover] skipped: {(live is null ? "no live node runs the live-view subscription" : "no node left besides the subscription's (needs 3 nodes)")}");
            return (null, "n/a");
        }
        using var http = new HttpClient { BaseAddress = new Uri(survivor.Url), Timeout = TimeSpan.FromSeconds(30) };
        var concern = await SupportsBenchmark.RaiseAsync(http, tokens[^1], "Concern watched while the subscription's node is killed");
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(survivor.Url), "hubs/live"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        var watcher = new Watcher(connection);
        await connection.StartAsync();
        try
        {
            await watcher.WatchAsync("concern", City, concern);
            var before = await SupportAsync(http, tokens[0], concern) ?? throw new InvalidOperationException("the support before the kill failed");
            if (await PushedAsync(watcher, before, TimeSpan.FromSeconds(15)) is null)
            {
                Console.WriteLine("[takeover] no push arrived before the kill; skipped");
                return (null, "n/a (no push before the kill)");
            }
            Console.WriteLine($"[takeover] watcher on {survivor}; killing {live}, which runs the live-view subscription");
            var clock = Stopwatch.StartNew();
            var killedAt = Stopwatch.GetTimestamp();
            Process.GetProcessById(live.Pid).Kill();
            long? after = null;
            for (var i = 1; after is null && clock.Elapsed < TimeSpan.FromSeconds(30); i++)
            {
                after = await SupportAsync(http, tokens[i], concern);
                if (after is null) await Task.Delay(200);
            }
            if (after is null) { Console.WriteLine("[takeover] no support succeeded after the kill"); return (null, "n/a (no write succeeded)"); }
            Console.WriteLine($"[takeover] support written {clock.Elapsed.TotalSeconds:F1} s after the kill (sequence {after})");
            // Wait for a push covering it. Meanwhile watch the store: once a surviving node runs the subscription and
            // it has passed the support's sequence, a push that has not come 10 s later is not coming.
            double? processedAt = null;
            long? pushedAt = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(120))
            {
                if (await PushedAsync(watcher, after.Value, TimeSpan.FromMilliseconds(500)) is { } at) { pushedAt = at; break; }
                if (processedAt is null && await LiveViewsProgressAsync(alive.Where(n => n != live).ToList()) >= after) processedAt = clock.Elapsed.TotalSeconds;
                if (processedAt is { } p && clock.Elapsed.TotalSeconds - p > 10) break;
            }
            if (pushedAt is { } pushed)
            {
                var seconds = Stopwatch.GetElapsedTime(killedAt, pushed).TotalSeconds;
                var mover = await LiveViewsNodeAsync(alive.Where(n => n != live).ToList(), TimeSpan.FromSeconds(5));
                Console.WriteLine($"[takeover] pushed {seconds:F1} s after the kill; the subscription now runs on {(mover?.ToString() ?? "(unknown)")}");
                return (seconds, null);
            }
            var moved = await LiveViewsNodeAsync(alive.Where(n => n != live).ToList(), TimeSpan.FromSeconds(1));
            Console.WriteLine($"[takeover] the support written after the kill was never pushed; " +
                              (processedAt is { } q ? $"{moved?.ToString() ?? "a surviving node"} runs the subscription, past its sequence {q:F1} s after the kill" : "the subscription did not pass its sequence within 120 s"));
            // Is it that change only, or are pushes broken? One more support, now that the subscription runs.
            var later = await SupportAsync(http, tokens[^2], concern);
            var laterAt = Stopwatch.GetTimestamp();
            var laterPush = later is null ? null : await PushedAsync(watcher, later.Value, TimeSpan.FromSeconds(15));
            Console.WriteLine(laterPush is { } lp
                ? $"[takeover] a support written then was pushed {Stopwatch.GetElapsedTime(laterAt, lp).TotalMilliseconds:F0} ms after its answer: the change committed while no node ran the subscription was skipped"
                : "[takeover] a support written then was not pushed within 15 s either");
            return (null, processedAt is { } r ? $"never (moved after {r:F1} s; the change written meanwhile was not pushed)" : "never (not moved within 120 s)");
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    /// <summary>Waits for a push reaching <paramref name="version"/>; returns its arrival (Stopwatch timestamp).</summary>
    private static async Task<long?> PushedAsync(Watcher watcher, long version, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < timeout)
        {
            foreach (var (v, at) in watcher.TakePushes())
                if (v >= version) return at;
            await Task.Delay(20);
        }
        return null;
    }

    /// <summary>Supports from distinct residents at <c>clients</c> workers while <paramref name="going"/>; each outcome recorded.</summary>
    private async Task<List<Outcome>> SupportLoadAsync(HttpClient http, string[] tokens, Guid concern, Stopwatch clock, Func<bool> going)
    {
        var outcomes = new ConcurrentQueue<Outcome>();
        var next = -1;
        async Task Worker()
        {
            while (going())
            {
                var n = Interlocked.Increment(ref next);
                if (n >= tokens.Length) { Console.WriteLine("[bench] out of residents"); return; }
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cities/{City}/concerns/{concern}/supports");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[n]);
                    using var response = await http.SendAsync(request);
                    long? sequence = null;
                    if (response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                        if (body.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number) sequence = v.GetInt64();
                    }
                    outcomes.Enqueue(new Outcome(n, (int)response.StatusCode, response.Headers.RetryAfter is not null, clock.Elapsed.TotalSeconds, sequence, null));
                }
                catch (Exception e)
                {
                    outcomes.Enqueue(new Outcome(n, 0, false, clock.Elapsed.TotalSeconds, null, e.GetType().Name));
                    await Task.Delay(50);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Worker)));
        return outcomes.ToList();
    }

    private static string Describe(List<Outcome> outcomes)
    {
        var parts = outcomes.GroupBy(o => o.Status switch
            {
                0 => $"no answer ({o.Error})",
                503 => o.RetryAfter ? "503 with Retry-After" : "503 without Retry-After (HAProxy: no node ready)",
                var s => s.ToString(),
            })
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}");
        return $"{outcomes.Count} requests; {string.Join(", ", parts)}";
    }

    /// <summary>
    /// Every 2xx answer's event sequence must be in mt_events, and the concern's count must be at least the accepted
    /// supports (it may be more: a request cut off by the kill may have committed without being answered).
    /// </summary>
    private async Task<(long Lost, long Accepted)> VerifyAsync(string step, HttpClient proxy, List<Outcome> outcomes, Guid concern)
    {
        var accepted = outcomes.Where(o => o.Status is >= 200 and <= 299).ToList();
        var sequences = accepted.Where(o => o.Sequence is not null).Select(o => o.Sequence!.Value).Distinct().ToArray();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"select count(*) from {Schema}.mt_events where seq_id = any($1)", connection);
        query.Parameters.Add(new NpgsqlParameter { Value = sequences });
        var found = (long)(await query.ExecuteScalarAsync())!;
        var withoutSequence = accepted.Count - accepted.Count(o => o.Sequence is not null);
        var stored = await SupportsOfAsync(proxy, concern);
        var lost = Math.Max(sequences.Length - found, Math.Max(0, accepted.Count - stored));
        Console.WriteLine($"[{step}] accepted {accepted.Count} (sequences {sequences.Length} distinct, {withoutSequence} answers without one); " +
                          $"{found} of those sequences are in the event store; the concern reports {stored} supports " +
                          $"({stored - accepted.Count:+#;-#;0} against the accepted: committed but not answered 2xx); lost {lost}");
        return (lost, accepted.Count);
    }

    private static async Task<long> SupportsOfAsync(HttpClient http, Guid concern)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { return await SupportsBenchmark.SupportsOfAsync(http, concern); }
            catch (HttpRequestException) when (attempt < 20) { await Task.Delay(500); }
        }
    }

    private static async Task<long?> SupportAsync(HttpClient http, string token, Guid concern)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cities/{City}/concerns/{concern}/supports");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return null;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        }
        catch (HttpRequestException) { return null; }
    }

    /// <summary>
    /// Polls HAProxy's /health/ready every 200 ms: when it first failed, and when it answered 200 again after that
    /// (both on <paramref name="clock"/>, in seconds); gives up <paramref name="timeout"/> after the start.
    /// </summary>
    private static async Task<(double? NotReadyFrom, double? ReadyAgain)> FrontReadinessAsync(HttpClient proxy, Stopwatch clock, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = proxy.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var end = clock.Elapsed + timeout;
        var quietUntil = clock.Elapsed + TimeSpan.FromSeconds(20); // a kill may take a few seconds to show
        double? notReadyFrom = null;
        while (clock.Elapsed < end)
        {
            bool ready;
            try
            {
                using var response = await http.GetAsync("/health/ready");
                ready = response.IsSuccessStatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { ready = false; }
            if (!ready) notReadyFrom ??= clock.Elapsed.TotalSeconds;
            else if (notReadyFrom is not null) return (notReadyFrom, clock.Elapsed.TotalSeconds);
            else if (clock.Elapsed > quietUntil) return (null, null);
            await Task.Delay(200);
        }
        return (notReadyFrom, null);
    }

    private Task<List<Node>> NodesAsync() => NodesAsync(nodes.Select((url, i) => new Node(i, url, 0, 0, [])));

    /// <summary>Each node's process, Wolverine node number and running agents, as it reports them now.</summary>
    private static async Task<List<Node>> NodesAsync(IEnumerable<Node> which)
    {
        var list = new List<Node>();
        foreach (var node in which)
        {
            using var http = new HttpClient { BaseAddress = new Uri(node.Url) };
            var process = await http.GetFromJsonAsync<JsonElement>("/api/bench/process");
            list.Add(new Node(node.Index, node.Url, process.GetProperty("processId").GetInt32(), process.GetProperty("wolverineNodeNumber").GetInt32(),
                process.GetProperty("agents").EnumerateArray().Select(a => a.GetString()!).ToArray()));
        }
        return list;
    }

    /// <summary>How far the live-view subscription got (mt_event_progression), when a node among <paramref name="among"/> runs it.</summary>
    private async Task<long?> LiveViewsProgressAsync(IReadOnlyList<Node> among)
    {
        if (await LiveViewsNodeAsync(among, TimeSpan.Zero) is null) return null;
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"select last_seq_id from {Schema}.mt_event_progression where name = 'live-views:All'", connection);
        return await query.ExecuteScalarAsync() is { } v and not DBNull ? Convert.ToInt64(v) : null;
    }

    /// <summary>The node Wolverine assigned the live-view subscription to (platform.wolverine_node_assignments), among <paramref name="among"/>.</summary>
    private async Task<Node?> LiveViewsNodeAsync(IReadOnlyList<Node> among, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        await using var source = NpgsqlDataSource.Create(database);
        while (true)
        {
            await using (var query = source.CreateCommand(
                $"select n.node_number from {Schema}.wolverine_node_assignments a join {Schema}.wolverine_nodes n on n.id = a.node_id where a.id like '%/live-views/all'"))
            {
                if (await query.ExecuteScalarAsync() is { } found and not DBNull && among.FirstOrDefault(n => n.Number == Convert.ToInt32(found)) is { } node) return node;
            }
            if (waited.Elapsed > timeout) return null;
            await Task.Delay(500);
        }
    }
}
