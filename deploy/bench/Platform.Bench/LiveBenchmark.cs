using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.Serialization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Bench;

/// <summary>
/// Vote-to-screen latency: many SignalR clients watch one town-hall poll while votes arrive over HTTP at a
/// fixed rate. Each vote's answer carries the event sequence that recorded it; its latency is the time from
/// that answer to the first push, on each client, whose version is at least that sequence. The baseline is
/// the same clients and rate against an in-memory counter broadcast at the same push rate (no database).
/// With several nodes (<paramref name="hubs"/>), votes go to <paramref name="api"/> (HAProxy), watcher i connects to
/// hubs[i % count] directly, and the baseline's counter is one node's (<paramref name="broadcast"/>), pushed to the
/// watchers on every node through the backplane, as the live views are.
/// The watchers speak the hub's JSON protocol or, with <paramref name="protocol"/> "messagepack", MessagePack.
/// </summary>
public sealed class LiveBenchmark(string api, int watchers, int votesPerSecond, TimeSpan duration,
    IReadOnlyList<string>? hubs = null, string? broadcast = null, string? database = null, string protocol = LiveBenchmark.Json)
{
    public const string Json = "json", MessagePack = "messagepack";
    private const string City = "york";
    private readonly IReadOnlyList<string> _hubs = hubs is { Count: > 0 } ? hubs : [api];
    private int _dropped;

    public async Task<int> RunAsync()
    {
        var (live, baseline, perConnectionKb) = await MeasureAsync();
        var p99 = live.Latencies.Percentile(99);
        var baselineP99 = baseline.Latencies.Percentile(99);
        // Every answered vote should reach every watcher: the missing deliveries are the (vote, watcher) pairs with no push at or above the vote.
        var deliveries = live.Succeeded * watchers;
        Console.WriteLine($"live: p50 {live.Latencies.Percentile(50):F0} ms p95 {live.Latencies.Percentile(95):F0} ms p99 {p99:F0} ms; " +
                          $"{live.PushesPerSecond:F0} pushes/s; {perConnectionKb:F1} KB per connection; baseline p99 {baselineP99:F0} ms; " +
                          $"{watchers} watchers, {votesPerSecond} votes/s, {protocol}; ratio {p99 / baselineP99:F2}; " +
                          $"missing {live.Unseen} of {deliveries} deliveries; failed votes {live.Failed}; dropped connections {_dropped}");
        return live.Failed == 0 && live.Unseen == 0 && _dropped == 0 ? 0 : 1;
    }

    /// <summary>Both phases; prints their detail lines and returns them with the server memory per connection.</summary>
    public async Task<(LiveResult Live, LiveResult Baseline, double PerConnectionKb)> MeasureAsync()
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(api),
            Timeout = TimeSpan.FromSeconds(30),
        };
        // The baseline's counter lives in one node's memory: every broadcast must reach that node.
        using var broadcasting = broadcast is null ? null : new HttpClient { BaseAddress = new Uri(broadcast), Timeout = TimeSpan.FromSeconds(30) };
        var broadcastHttp = broadcasting ?? http;
        var voters = (int)(votesPerSecond * duration.TotalSeconds * 1.1) + 100;
        Console.WriteLine($"creating {voters} residents, a town hall and its poll ...");
        var tokens = await AccountsAsync(http, voters, "resident");
        var official = (await AccountsAsync(http, 1, "official"))[0];
        var townHall = await OpenTownHallAsync(http, official);

        var idle = await MemoryAsync(http);
        Console.WriteLine($"connecting {watchers} watchers ...");
        var clients = await ConnectAsync(watchers);
        var connected = await MemoryAsync(http);
        var workingSetPerConnectionKb = (connected.WorkingSet - idle.WorkingSet) / 1024.0 / watchers;
        var managedPerConnectionKb = (connected.Managed - idle.Managed) / 1024.0 / watchers;
        // The working set may not grow when the runtime already holds memory; the managed heap after a full
        // collection is what the connections retain. The summary reports the larger of the two.
        var perConnectionKb = Math.Max(workingSetPerConnectionKb, managedPerConnectionKb);
        Console.WriteLine($"server memory per connection: {workingSetPerConnectionKb:F1} KB working set, {managedPerConnectionKb:F1} KB managed heap");

        await Task.WhenAll(clients.Select(c => c.WatchAsync("town-hall", City, townHall)));
        // Warm-up on a first poll (code generation, JIT, connection pools), then the measured poll.
        var poll = await OpenPollAsync(http, official, townHall, "Warm-up");
        var next = 0;
        await Phase.RunAsync("warm-up", clients, votesPerSecond, TimeSpan.FromSeconds(3), Vote);
        await PostAsync(http, official, $"/api/cities/{City}/town-halls/{townHall}/polls/{poll}/close", null);
        poll = await OpenPollAsync(http, official, townHall, "Should the library open on Sundays?");
        next = 0;
        // With the database known, processor time too: per vote in the live phase, per push delivered in the baseline
        // (which reads no database, so its API time is the pushes' and the broadcast requests').
        var nodesHttp = _hubs.Select(h => new HttpClient { BaseAddress = new Uri(h), Timeout = TimeSpan.FromSeconds(30) }).ToArray();
        var cpu = database is null ? null : new CpuMeter(nodesHttp, database);
        var beforeLive = cpu is null ? null : await cpu.TakeAsync();
        var live = await Phase.RunAsync("live", clients, votesPerSecond, duration, Vote);
        var afterLive = cpu is null ? null : await cpu.TakeAsync();

        async Task<long?> Vote()
        {
            var token = tokens[Interlocked.Increment(ref next) - 1];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cities/{City}/town-halls/{townHall}/polls/{poll}/votes")
            {
                Content = JsonContent.Create(new { option = next % 2 }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return null;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        }

        await Parallel.ForEachAsync(clients, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (client, _) => await client.UnwatchAllAsync());
        await Task.WhenAll(clients.Select(c => c.WatchAsync("bench", City, Guid.Empty)));
        await Phase.RunAsync("warm-up", clients, votesPerSecond, TimeSpan.FromSeconds(3), Broadcast);
        var beforeBaseline = cpu is null ? null : await cpu.TakeAsync();
        var baseline = await Phase.RunAsync("baseline", clients, votesPerSecond, duration, Broadcast);
        var afterBaseline = cpu is null ? null : await cpu.TakeAsync();
        foreach (var client in nodesHttp) client.Dispose();

        async Task<long?> Broadcast()
        {
            using var response = await broadcastHttp.PostAsync("/api/bench/broadcast", null);
            if (!response.IsSuccessStatusCode) return null;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        }

        // Closing them is not dropping them.
        var dropped = _dropped;
        await Task.WhenAll(clients.Select(c => c.DisposeAsync().AsTask()));
        _dropped = dropped;
        Console.WriteLine();
        Console.WriteLine(live);
        Console.WriteLine(baseline);
        if (cpu is not null)
        {
            static double Pushes(LiveResult r) => r.WritesPerSecond > 0 ? r.PushesPerSecond * r.Succeeded / r.WritesPerSecond : 0;
            var (liveApi, livePg, _) = CpuMeter.Spent(beforeLive!, afterLive!);
            var (baseApi, _, _) = CpuMeter.Spent(beforeBaseline!, afterBaseline!);
            var perPush = baseApi / Math.Max(1, Pushes(baseline));
            var perVote = (liveApi - perPush * Pushes(live)) / Math.Max(1, live.Succeeded);
            Console.WriteLine($"cpu: baseline api {perPush:F0} µs per push delivered (all nodes, broadcast requests included); " +
                              $"live api {liveApi / Math.Max(1, live.Succeeded):F0} µs per vote with its pushes, {perVote:F0} µs without them; postgres {livePg / Math.Max(1, live.Succeeded):F0} µs per vote");
        }
        return (live, baseline, perConnectionKb);
    }

    private static async Task<string[]> AccountsAsync(HttpClient http, int count, string role)
    {
        var response = await http.PostAsync($"/api/bench/residents?city={City}&count={count}&role={role}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<string[]>())!;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, string token, string path, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<Guid> OpenTownHallAsync(HttpClient http, string official)
    {
        var townHall = (await PostAsync(http, official, $"/api/cities/{City}/town-halls",
            new { title = "Benchmark town hall", startsAt = DateTimeOffset.UtcNow.AddMinutes(1) })).GetProperty("id").GetGuid();
        await PostAsync(http, official, $"/api/cities/{City}/town-halls/{townHall}/open", null);
        return townHall;
    }

    private static async Task<Guid> OpenPollAsync(HttpClient http, string official, Guid townHall, string question) =>
        (await PostAsync(http, official, $"/api/cities/{City}/town-halls/{townHall}/polls",
            new { question, options = new[] { "Yes", "No" } })).GetProperty("id").GetGuid();

    /// <summary>Managed heap and working set, summed over the nodes the watchers connect to.</summary>
    private async Task<(long Managed, long WorkingSet)> MemoryAsync(HttpClient http)
    {
        await Task.Delay(TimeSpan.FromSeconds(2)); // let connection set-up settle
        long managed = 0, workingSet = 0;
        foreach (var hub in _hubs)
        {
            var memory = await http.GetFromJsonAsync<JsonElement>(new Uri(new Uri(hub), "/api/bench/memory"));
            managed += memory.GetProperty("managedBytes").GetInt64();
            workingSet += memory.GetProperty("workingSetBytes").GetInt64();
        }
        return (managed, workingSet);
    }

    private async Task<Watcher[]> ConnectAsync(int count)
    {
        var clients = new Watcher[count];
        var started = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var builder = new HubConnectionBuilder()
                .WithUrl(new Uri(new Uri(_hubs[i % _hubs.Count]), "hubs/live"), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                });
            if (protocol == MessagePack) builder.AddMessagePackProtocol();
            else if (protocol != Json) throw new ArgumentException($"protocol is {Json} or {MessagePack}, not '{protocol}'.");
            var connection = builder.Build();
            // A connection the server closes (or that times out) hears nothing more: counted, and the run fails.
            connection.Closed += _ =>
            {
                Interlocked.Increment(ref _dropped);
                return Task.CompletedTask;
            };
            clients[i] = new Watcher(connection);
            await connection.StartAsync();
        });
        Console.WriteLine($"{count} watchers connected over {protocol} in {started.Elapsed.TotalSeconds:F1} s");
        return clients;
    }
}

/// <summary>One watching client: the version and arrival time of every push it receives.</summary>
public sealed class Watcher
{
    private readonly HubConnection _connection;
    private readonly List<(long Version, long At)> _pushes = [];
    private (string View, string City, Guid Id)? _watching;

    public Watcher(HubConnection connection)
    {
        _connection = connection;
        _connection.On<PushedVersion>("ViewChanged", push =>
        {
            var at = Stopwatch.GetTimestamp();
            lock (_pushes) _pushes.Add((push.Version, at));
        });
    }

    public async Task WatchAsync(string view, string city, Guid id)
    {
        await _connection.InvokeAsync<PushedVersion>("Watch", view, city, id);
        _watching = (view, city, id);
    }

    public async Task UnwatchAllAsync()
    {
        if (_watching is { } w) await _connection.InvokeAsync("Unwatch", w.View, w.City, w.Id);
        _watching = null;
    }

    /// <summary>Takes the pushes received so far, in arrival order, and starts a new record.</summary>
    public (long Version, long At)[] TakePushes()
    {
        lock (_pushes)
        {
            var taken = _pushes.ToArray();
            _pushes.Clear();
            return taken;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>
    /// What a watcher reads of a view: its version. JSON binds it by name without regard to case; MessagePack by the
    /// exact key, which is the JSON name (the server writes views in MessagePack with their JSON names).
    /// </summary>
    [DataContract]
    public sealed class PushedVersion
    {
        [DataMember(Name = "version")] public long Version { get; set; }
    }
}
