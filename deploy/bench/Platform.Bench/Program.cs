using Platform.Bench;

// Usage: Platform.Bench supports <api-url> <npgsql-connection-string> [clients=64] [seconds=30]
//        Platform.Bench live <api-url> [watchers=1000] [votes-per-second=500] [seconds=30]
//        Platform.Bench pages <api-url> [clients=50] [seconds=10]
//        Platform.Bench search <api-url> <npgsql-connection-string> [concerns=100000] [clients=16] [seconds=20] [warm-up=10]
//        Platform.Bench cluster <haproxy-url> <node-urls> <connection-string> [clients] [seconds] [warm-up] [watchers] [votes/s] [live seconds]
//        Platform.Bench faults <haproxy-url> <node-urls> <connection-string> [clients] [seconds]
if (args.Length >= 2 && args[0] == "probe")
{
    // probe <url> [token]: how fast one GET goes at 64 clients for 10 s (for finding where time goes).
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 128 });
    var probe = await Load.RunAsync("probe", 64, TimeSpan.FromSeconds(10), async _ =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, args[1]);
        if (args.Length > 2) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", args[2]);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    });
    Console.WriteLine(probe);
    return 0;
}
if (args.Length >= 2 && args[0] == "live")
{
    // live <api-url> [watchers=1000] [votes-per-second=500] [seconds=30]
    var watchers = args.Length > 2 ? int.Parse(args[2]) : 1000;
    var rate = args.Length > 3 ? int.Parse(args[3]) : 500;
    var duration = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4]) : 30);
    return await new LiveBenchmark(args[1], watchers, rate, duration).RunAsync();
}
if (args.Length >= 4 && args[0] == "cluster")
{
    // cluster <haproxy-url> <node-url,node-url,...> <connection-string> [clients=64] [seconds=15] [warm-up seconds=15]
    //         [watchers=1000] [votes-per-second=500] [live seconds=15]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    return await new ClusterBenchmark(args[1], args[2].Split(','), args[3], Arg(4, 64), TimeSpan.FromSeconds(Arg(5, 15)),
        TimeSpan.FromSeconds(Arg(6, 15)), Arg(7, 1000), Arg(8, 500), TimeSpan.FromSeconds(Arg(9, 15))).RunAsync();
}
if (args.Length >= 4 && args[0] == "faults")
{
    // faults <haproxy-url> <node-url,node-url,...> <connection-string> [clients=64] [seconds=15]; BENCH_PG_RESTART: the
    // shell command that restarts PostgreSQL and returns once it accepts connections again.
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    return await new FaultsBenchmark(args[1], args[2].Split(','), args[3], Arg(4, 64), TimeSpan.FromSeconds(Arg(5, 15)),
        Environment.GetEnvironmentVariable("BENCH_PG_RESTART")).RunAsync();
}
if (args.Length >= 2 && args[0] == "pages")
{
    // pages <api-url> [clients=50] [seconds=10] [warm-up seconds=20] [connection string: processor time per page]
    var pageClients = args.Length > 2 ? int.Parse(args[2]) : 50;
    var pageSeconds = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 10);
    var pageWarmUp = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4]) : 20);
    return await new PagesBenchmark(args[1], pageClients, pageSeconds, pageWarmUp, args.Length > 5 ? args[5] : null).RunAsync();
}
if (args.Length >= 3 && args[0] == "search")
{
    // search <api-url> <connection-string> [concerns=100000] [clients=16] [seconds=20] [warm-up seconds=10]
    int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i]) : fallback;
    return await new SearchBenchmark(args[1], args[2], Arg(3, 100_000), Arg(4, 16), TimeSpan.FromSeconds(Arg(5, 20)), TimeSpan.FromSeconds(Arg(6, 10))).RunAsync();
}
if (args.Length < 3 || args[0] != "supports")
{
    Console.Error.WriteLine("usage: Platform.Bench supports <api-url> <connection-string> [clients] [seconds] [warm-up seconds] | live <api-url> [watchers] [votes/s] [seconds]");
    return 2;
}
var clients = args.Length > 3 ? int.Parse(args[3]) : 64;
var seconds = args.Length > 4 ? int.Parse(args[4]) : 30;
var warmUpSeconds = args.Length > 5 ? int.Parse(args[5]) : 10;
return await new SupportsBenchmark(args[1], args[2], clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmUpSeconds)).RunAsync();
