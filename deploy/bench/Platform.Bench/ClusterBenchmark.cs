namespace Platform.Bench;

/// <summary>
/// Several API nodes against one: supports on a hot concern (distinct residents) sent to node 1 directly, then to
/// all nodes through HAProxy, in one run and on warm nodes; then the live benchmark with its watchers spread over
/// every node and its votes through HAProxy, beside its plain-broadcast baseline.
/// </summary>
public sealed class ClusterBenchmark(string front, IReadOnlyList<string> nodes, string database, int clients, TimeSpan duration,
    TimeSpan warmUp, int watchers, int votesPerSecond, TimeSpan liveDuration)
{
    private const string City = SupportsBenchmark.City;

    public async Task<int> RunAsync()
    {
        HttpClient Client(string url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = clients * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var proxy = Client(front);
        var direct = nodes.Select(Client).ToArray();
        try
        {
            // Residents are minted through HAProxy too: the bench endpoints answer loopback callers, and HAProxy's
            // X-Forwarded-For (127.0.0.1, believed from a loopback proxy) keeps the caller on loopback.
            var perPhase = (int)Math.Min(200_000, duration.TotalSeconds * 5_000);
            var warmUpCount = (int)Math.Min(200_000, Math.Max(1, warmUp.TotalSeconds) * 5_000);
            Console.WriteLine($"creating {2 * perPhase + warmUpCount} residents and 3 concerns (through HAProxy) ...");
            var warmUpTokens = await SupportsBenchmark.ResidentsAsync(proxy, warmUpCount);
            var oneTokens = await SupportsBenchmark.ResidentsAsync(proxy, perPhase);
            var manyTokens = await SupportsBenchmark.ResidentsAsync(proxy, perPhase);
            var author = warmUpTokens[^1];
            var warmUpConcern = await SupportsBenchmark.RaiseAsync(proxy, author, "Warm-up concern");
            var oneConcern = await SupportsBenchmark.RaiseAsync(proxy, author, "Hot concern, one node");
            var manyConcern = await SupportsBenchmark.RaiseAsync(proxy, author, "Hot concern, all nodes");

            // Warm-up through HAProxy, so every node has compiled and tiered its code before either phase.
            await Load.RunAsync("warm-up", clients, warmUp, n => n >= warmUpTokens.Length - 1 ? Task.FromResult<bool?>(null)
                : SupportsBenchmark.SupportAsync(proxy, warmUpTokens[n], warmUpConcern));

            var cpu = new CpuMeter(direct, database);
            var before = await cpu.TakeAsync();
            var one = await Load.RunAsync("1 node", clients, duration, n => n >= oneTokens.Length ? Task.FromResult<bool?>(null)
                : SupportsBenchmark.SupportAsync(direct[0], oneTokens[n], oneConcern));
            var afterOne = await cpu.TakeAsync();
            var many = await Load.RunAsync($"{nodes.Count} nodes", clients, duration, n => n >= manyTokens.Length ? Task.FromResult<bool?>(null)
                : SupportsBenchmark.SupportAsync(proxy, manyTokens[n], manyConcern));
            var afterMany = await cpu.TakeAsync();

            var oneCount = await SupportsBenchmark.SupportsOfAsync(proxy, oneConcern);
            var manyCount = await SupportsBenchmark.SupportsOfAsync(proxy, manyConcern);
            Console.WriteLine();
            Console.WriteLine($"{one}  {CpuMeter.PerOperation(before, afterOne, one.Succeeded + one.Failed)} (api: all nodes)");
            Console.WriteLine($"{many}  {CpuMeter.PerOperation(afterOne, afterMany, many.Succeeded + many.Failed)} (api: all nodes)");
            Console.WriteLine($"1-node concern reports {oneCount} supports for {one.Succeeded} accepted ({(oneCount == one.Succeeded ? "exact" : "MISMATCH")}); " +
                              $"{nodes.Count}-node concern {manyCount} for {many.Succeeded} ({(manyCount == many.Succeeded ? "exact" : "MISMATCH")})");
            Console.WriteLine();

            var (live, baseline, perConnectionKb) = await new LiveBenchmark(front, watchers, votesPerSecond, liveDuration, nodes, nodes[0], database).MeasureAsync();
            Console.WriteLine($"live p50 {live.Latencies.Percentile(50):F0} ms p95 {live.Latencies.Percentile(95):F0} ms; " +
                              $"{live.PushesPerSecond:F0} pushes/s; server memory {perConnectionKb:F1} KB per connection (all nodes)");
            Console.WriteLine();
            Console.WriteLine($"cluster: 1 node {one.PerSecond:F0}/s, {nodes.Count} nodes via haproxy {many.PerSecond:F0}/s (ratio {many.PerSecond / one.PerSecond:F2}); " +
                              $"live p99 {live.Latencies.Percentile(99):F0} ms across nodes with {watchers} watchers; baseline p99 {baseline.Latencies.Percentile(99):F0} ms");
            var exact = oneCount == one.Succeeded && manyCount == many.Succeeded && one.Failed == 0 && many.Failed == 0;
            return exact && live.Failed == 0 && live.Unseen == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var client in direct) client.Dispose();
        }
    }
}
