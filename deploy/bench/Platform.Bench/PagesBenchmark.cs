using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>
/// Pages benchmark (issues 6 and 17): three public pages with the demo data (a city's concern list, a commitment page,
/// the city scorecard), each at N concurrent anonymous clients, timed end to end on loopback (so the time includes the
/// page's reads and rendering, and nothing of a browser): first rendered for every request (the baseline: each request
/// says <c>Cache-Control: no-cache</c>, which the page cache answers afresh), then as visitors ask, served from the
/// page cache (docs/page-cache.md); the summary's p95 is the cached one, beside the uncached one; then the
/// JavaScript each page references, gzip-compressed as a server would send it: the largest of the
/// resident pages against the largest of the live screens.
/// </summary>
public sealed partial class PagesBenchmark(string baseUrl, int clients, TimeSpan duration, TimeSpan warmUp, string? database = null)
{
    private const string City = "york";

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AutomaticDecompression = DecompressionMethods.None })
    {
        BaseAddress = new Uri(baseUrl),
    };

    public async Task<int> RunAsync()
    {
        var commitment = await FirstIdAsync($"/api/cities/{City}/commitments?pageSize=1");
        var townHall = await FirstIdAsync($"/api/cities/{City}/town-halls?pageSize=1");

        var timed = new (string Name, string Path)[]
        {
            ("concern list", $"/cities/{City}/concerns"),
            ("commitment page", $"/cities/{City}/commitments/{commitment}"),
            ("city scorecard", $"/cities/{City}/scorecard"),
        };
        var worst = 0.0;
        var worstUncached = 0.0;
        foreach (var (name, path) in timed)
        {
            // The render path first (warm-up, then the baseline): every request says Cache-Control: no-cache, which the
            // page cache answers with a fresh render that it does not keep (docs/page-cache.md).
            await Load.RunAsync($"{name} (warm-up)", clients, warmUp, _ => GetAsync(path, fresh: true));
            var uncached = await MeasureAsync($"{name} (uncached)", path, fresh: true);
            worstUncached = Math.Max(worstUncached, uncached);
            // Then as visitors ask: the first request renders and fills the cache, the others are served from it.
            await Load.RunAsync($"{name} (cached warm-up)", clients, TimeSpan.FromTicks(Math.Min(warmUp.Ticks, TimeSpan.FromSeconds(5).Ticks)),
                _ => GetAsync(path, fresh: false));
            worst = Math.Max(worst, await MeasureAsync(name, path, fresh: false));
        }

        var resident = new[]
        {
            $"/cities/{City}/concerns", $"/cities/{City}/proposals", $"/cities/{City}/commitments", $"/cities/{City}/commitments/{commitment}",
            $"/cities/{City}/scorecard", $"/cities/{City}/town-halls", "/network", "/sign-in", "/register",
        };
        var dashboards = new List<string> { $"/cities/{City}/screen" };
        if (townHall is not null) dashboards.Add($"/cities/{City}/town-halls/{townHall}/screen");

        var residentKb = 0.0;
        foreach (var path in resident) residentKb = Math.Max(residentKb, await JavaScriptKbAsync(path));
        var dashboardKb = 0.0;
        foreach (var path in dashboards) dashboardKb = Math.Max(dashboardKb, await JavaScriptKbAsync(path));

        Console.WriteLine($"pages: p95 {worst:F1} ms; uncached p95 {worstUncached:F1} ms; js resident {residentKb:F1} KB, dashboard {dashboardKb:F1} KB");
        return 0;
    }

    /// <summary>One timed phase of a page: prints its line (and processor time per page when the database is known); answers its p95.</summary>
    private async Task<double> MeasureAsync(string name, string path, bool fresh)
    {
        // With the database known (deploy/bench/pages/run passes it), processor time per page too.
        var cpu = database is null ? null : new CpuMeter(_http, database);
        var before = cpu is null ? null : await cpu.TakeAsync();
        Interlocked.Exchange(ref _fromCache, 0);
        var result = await Load.RunAsync(name, clients, duration, _ => GetAsync(path, fresh));
        if (cpu is not null) Console.WriteLine($"{name,-26} {CpuMeter.PerOperation(before!, await cpu.TakeAsync(), result.Succeeded + result.Failed)}");
        var p50 = result.Latencies.Percentile(50);
        var p95 = result.Latencies.Percentile(95);
        var served = result.Succeeded + result.Failed == 0 ? 0 : 100.0 * Interlocked.Read(ref _fromCache) / (result.Succeeded + result.Failed);
        Console.WriteLine($"{name,-26} {path}: {result.Succeeded / result.Elapsed.TotalSeconds:F0}/s, p50 {p50:F1} ms, p95 {p95:F1} ms, " +
                          $"from cache {served:F0}%, failed {result.Failed}");
        if (result.Failed > 0) Console.Error.WriteLine($"[bench] {name}: {result.Failed} failed requests");
        return p95;
    }

    private long _fromCache;

    /// <param name="fresh">Send <c>Cache-Control: no-cache</c>: the page is rendered for this request and not kept.</param>
    private async Task<bool?> GetAsync(string path, bool fresh)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (fresh) request.Headers.CacheControl = new System.Net.Http.Headers.CacheControlHeaderValue { NoCache = true };
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        if (response.Headers.Age is not null) Interlocked.Increment(ref _fromCache); // the cache says how old its copy is
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task<string?> FirstIdAsync(string path)
    {
        using var document = JsonDocument.Parse(await _http.GetStringAsync(path));
        var items = document.RootElement.GetProperty("items");
        return items.GetArrayLength() == 0 ? null : items[0].GetProperty("id").GetString();
    }

    /// <summary>The gzip-compressed size (KB) of every script the page references, added up; each is printed.</summary>
    private async Task<double> JavaScriptKbAsync(string path)
    {
        var html = await _http.GetStringAsync(path);
        long total = 0;
        foreach (var src in ScriptSources().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
        {
            var bytes = await _http.GetByteArrayAsync(new Uri(new Uri(_http.BaseAddress!, path), src));
            using var compressed = new MemoryStream();
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) await gzip.WriteAsync(bytes);
            total += compressed.Length;
        }
        Console.WriteLine($"js {path}: {total / 1024.0:F1} KB gzip");
        return total / 1024.0;
    }

    [GeneratedRegex("""<script[^>]*\ssrc="([^"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();
}
