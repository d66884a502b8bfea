using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>
/// Pages benchmark (issue 6): the server-side render of three public pages with the demo data (a city's
/// concern list, a commitment page, the city scorecard), each at N concurrent clients, timed end to end on
/// loopback (so the time includes the page's reads and rendering, and nothing of a browser); then the
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
        foreach (var (name, path) in timed)
        {
            await Load.RunAsync($"{name} (warm-up)", clients, warmUp, _ => GetAsync(path));
            // With the database known (deploy/bench/pages/run passes it), processor time per page too.
            var cpu = database is null ? null : new CpuMeter(_http, database);
            var before = cpu is null ? null : await cpu.TakeAsync();
            var result = await Load.RunAsync(name, clients, duration, _ => GetAsync(path));
            if (cpu is not null) Console.WriteLine($"{name,-16} {CpuMeter.PerOperation(before!, await cpu.TakeAsync(), result.Succeeded + result.Failed)}");
            var p50 = result.Latencies.Percentile(50);
            var p95 = result.Latencies.Percentile(95);
            Console.WriteLine($"{name,-16} {path}: {result.Succeeded / result.Elapsed.TotalSeconds:F0}/s, p50 {p50:F1} ms, p95 {p95:F1} ms, failed {result.Failed}");
            if (result.Failed > 0) Console.Error.WriteLine($"[bench] {name}: {result.Failed} failed requests");
            worst = Math.Max(worst, p95);
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

        Console.WriteLine($"pages: p95 {worst:F1} ms; js resident {residentKb:F1} KB, dashboard {dashboardKb:F1} KB");
        return 0;
    }

    private async Task<bool?> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
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
