using Npgsql;

namespace Platform.Bench;

/// <summary>
/// Search benchmark (issue 15): York's demo data plus generated concerns in the four languages (raised through the
/// event store by the bench module, so the search index is written by its own projection), then searches over HTTP
/// from N clients for a fixed time, each a query of one to two words in one of the four languages, some common, some
/// rare, on one of the first three pages. Baseline, same run, same clients: the concern list without words.
/// </summary>
public sealed class SearchBenchmark(string baseUrl, string database, int concerns, int clients, TimeSpan duration, TimeSpan warmUp)
{
    private const string City = "york";

    private static readonly (string Lang, string Words)[] Queries =
    [
        ("en", "mould"), ("en", "bus shelters"), ("en", "station"), ("en", "waiting lists"), ("en", "children road"), ("en", "library"),
        ("fr", "moisissure"), ("fr", "gare"), ("fr", "loyer"), ("fr", "enfants chaussée"), ("fr", "bibliothèque"), ("fr", "abribus"),
        ("nl", "schimmel"), ("nl", "wachtlijst"), ("nl", "station"), ("nl", "bushokje"), ("nl", "huurverhoging"), ("nl", "bibliotheek"),
        ("uk", "цвіль"), ("uk", "вокзалу"), ("uk", "черги"), ("uk", "бібліотеки"), ("uk", "опалення"), ("uk", "ями"),
    ];

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(30) };

    public async Task<int> RunAsync()
    {
        var loading = System.Diagnostics.Stopwatch.StartNew();
        for (var left = concerns; left > 0; left -= 10_000)
        {
            using var raised = await _http.PostAsync($"/api/bench/concerns?city={City}&count={Math.Min(left, 10_000)}", null);
            raised.EnsureSuccessStatusCode();
        }
        Console.Error.WriteLine($"[bench] {concerns} concerns raised in {loading.Elapsed.TotalSeconds:F0} s");
        long items;
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("select count(*) from platform.search_entry where tenant_id = $1", connection) { Parameters = { new() { Value = City } } };
            items = (long)(await count.ExecuteScalarAsync())!;
            await using var analyze = new NpgsqlCommand("analyze platform.search_entry", connection);
            await analyze.ExecuteNonQueryAsync();
        }

        Task<bool?> SearchAsync(long n)
        {
            var (lang, words) = Queries[n % Queries.Length];
            return GetAsync($"/api/cities/{City}/search?q={Uri.EscapeDataString(words)}&lang={lang}&page={1 + n / Queries.Length % 3}");
        }
        Task<bool?> ListAsync(long n) => GetAsync($"/api/cities/{City}/concerns?page={1 + n % 3}");

        await Load.RunAsync("search (warm-up)", clients, warmUp, SearchAsync);
        var search = await Load.RunAsync("search", clients, duration, SearchAsync);
        await Load.RunAsync("list (warm-up)", clients, warmUp, ListAsync);
        var list = await Load.RunAsync("list", clients, duration, ListAsync);
        Console.WriteLine(search);
        Console.WriteLine(list);
        if (search.Failed + list.Failed > 0) Console.Error.WriteLine($"[bench] failed requests: search {search.Failed}, list {list.Failed}");
        Console.WriteLine($"search: p95 {search.Latencies.Percentile(95):F1} ms over {items} items; baseline p95 {list.Latencies.Percentile(95):F1} ms");
        return search.Failed + list.Failed > 0 ? 1 : 0;
    }

    private async Task<bool?> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        await response.Content.CopyToAsync(Stream.Null);
        return response.IsSuccessStatusCode;
    }
}
