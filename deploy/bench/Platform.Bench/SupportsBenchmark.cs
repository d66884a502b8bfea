using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// Supports over HTTP on one hot concern, then a mixed phase on it (half the requests first supports of new residents,
/// half repeats spread over the residents who supported it in the hot phase, and one resident repeating as fast as it
/// can on a connection of its own), then spread over 1,000 concerns, each first support from a distinct resident,
/// beside a baseline of plain single-row INSERTs with a unique (item, resident) key, all in one run.
/// </summary>
public sealed class SupportsBenchmark(string api, string database, int clients, TimeSpan duration, TimeSpan warmUp)
{
    internal const string City = "york";
    private const int SpreadConcerns = 1000;

    public async Task<int> RunAsync()
    {
        using var http = Client(clients * 2);

        // Enough distinct residents for the fastest plausible rate over the whole hot phase.
        var residentsNeeded = (int)Math.Min(200_000, duration.TotalSeconds * 5_000);
        var warmUpResidents = (int)Math.Min(200_000, Math.Max(1, warmUp.TotalSeconds + QuietJitLimit.TotalSeconds) * 4_000);
        Console.WriteLine($"creating {residentsNeeded + Math.Max(1, residentsNeeded / 2) + warmUpResidents} residents and {SpreadConcerns + 2} concerns ...");
        var tokens = await ResidentsAsync(http, residentsNeeded);
        // The mixed phase's first supports are half its requests.
        var mixedTokens = await ResidentsAsync(http, Math.Max(1, residentsNeeded / 2));
        var warmUpTokens = await ResidentsAsync(http, warmUpResidents);
        var author = tokens[^1];
        var hot = await RaiseAsync(http, author, "Hot concern");
        var warmUpConcern = await RaiseAsync(http, author, "Warm-up concern");
        var spread = new Guid[SpreadConcerns];
        await Parallel.ForAsync(0, SpreadConcerns, new ParallelOptions { MaxDegreeOfParallelism = clients },
            async (i, _) => spread[i] = await RaiseAsync(http, author, $"Concern {i}"));

        // The setup just filled the accounts and events tables: vacuum and analyse them now, as pgbench does before its
        // runs, rather than leave autovacuum to fall on whichever measured phase it reaches first.
        await VacuumAsync();

        // Warm-up (JIT tiers, connection pools, prepared statements): the same requests on a concern of its own,
        // by residents of its own, so the measured phases start on a warm server and an empty slate.
        var cpu = new CpuMeter(http, database);
        await WarmUpAsync(http, cpu, clients, warmUp, warmUpTokens, warmUpConcern);

        var usable = tokens.Length - 1;
        var before = await cpu.TakeAsync();
        var hotResult = await Load.RunAsync("hot", clients, duration, n => n >= usable ? Task.FromResult<bool?>(null)
            : SupportAsync(http, tokens[n], hot));
        var afterHot = await cpu.TakeAsync();
        var (mixedResult, mixed) = await MixedAsync(http, hot, tokens, (int)Math.Max(1, hotResult.Succeeded + hotResult.Failed), mixedTokens);
        var afterMixed = await cpu.TakeAsync();
        // Spread: resident r supports concern c with (r, c) unique: r = n / concerns, c = n % concerns.
        var spreadResult = await Load.RunAsync("spread", clients, duration, n => n / SpreadConcerns >= usable ? Task.FromResult<bool?>(null)
            : SupportAsync(http, tokens[n / SpreadConcerns], spread[n % SpreadConcerns]));
        var afterSpread = await cpu.TakeAsync();
        var baseline = await BaselineAsync();
        var afterBaseline = await cpu.TakeAsync();

        var hotCount = await SupportsOfAsync(http, hot);
        Console.WriteLine();
        Console.WriteLine($"{hotResult}  {CpuMeter.PerOperation(before, afterHot, hotResult.Succeeded + hotResult.Failed)}");
        Console.WriteLine($"{mixedResult}  {CpuMeter.PerOperation(afterHot, afterMixed, mixedResult.Succeeded + mixedResult.Failed)}");
        Console.WriteLine($"  {mixed}");
        Console.WriteLine($"{spreadResult}  {CpuMeter.PerOperation(afterMixed, afterSpread, spreadResult.Succeeded + spreadResult.Failed)}");
        Console.WriteLine($"{baseline}  {CpuMeter.PerOperation(afterSpread, afterBaseline, baseline.Succeeded + baseline.Failed)}");
        var expected = hotResult.Succeeded + mixed.Counted;
        var exact = hotCount == expected && mixed.Exact;
        Console.WriteLine($"hot concern reports {hotCount} supports for {hotResult.Succeeded} accepted in the hot phase and {mixed.Counted} in the mixed one ({(exact ? "exact" : "MISMATCH")})");
        var ratio = hotResult.PerSecond / baseline.PerSecond;
        Console.WriteLine($"supports: hot {hotResult.PerSecond:F0}/s p99 {hotResult.Latencies.Percentile(99):F1} ms; " +
                          $"mixed {mixedResult.PerSecond:F0}/s p99 {mixedResult.Latencies.Percentile(99):F1} ms; " +
                          $"spread {spreadResult.PerSecond:F0}/s p99 {spreadResult.Latencies.Percentile(99):F1} ms; " +
                          $"baseline {baseline.PerSecond:F0}/s; ratio {ratio:F2}");
        return exact && hotResult.Failed == 0 && mixedResult.Failed == 0 ? 0 : 1;
    }

    /// <summary>The longest the warm-up goes on after <c>warmUp</c>, waiting for the API's JIT to be quiet.</summary>
    private static readonly TimeSpan QuietJitLimit = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Supports on the warm-up concern for <paramref name="warmUp"/>, then in rounds of five seconds until the API's JIT
    /// spent less than 1 % of a round compiling (at most <see cref="QuietJitLimit"/> more): on two busy cores the
    /// runtime's background recompilation of hot methods (tiered compilation) can go on for a minute after the first
    /// calls, and a phase measured meanwhile pays for it. Each phase's line says how long the JIT ran in it.
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, CpuMeter cpu, int clients, TimeSpan warmUp, string[] tokens, Guid concern)
    {
        var used = 0L;
        async Task<CpuMeter.Snapshot> RoundAsync(string name, TimeSpan length)
        {
            var offset = used;
            var result = await Load.RunAsync(name, clients, length, n => offset + n >= tokens.Length ? Task.FromResult<bool?>(null)
                : SupportAsync(http, tokens[offset + n], concern));
            used += result.Succeeded + result.Failed;
            return await cpu.TakeAsync();
        }

        var round = TimeSpan.FromSeconds(5);
        var last = await RoundAsync("warm-up", warmUp);
        for (var extra = TimeSpan.Zero; extra < QuietJitLimit && used < tokens.Length; extra += round)
        {
            var next = await RoundAsync("warm-up, until the JIT is quiet", round);
            var compiling = next.Jit - last.Jit;
            last = next;
            Console.Error.WriteLine($"[bench] the API's JIT compiled for {compiling.TotalMilliseconds:F0} ms in the last {round.TotalSeconds:F0} s");
            if (compiling < round / 100) return;
        }
        Console.Error.WriteLine("[bench] warm-up ended before the JIT was quiet");
    }

    /// <summary>
    /// The mixed phase, on the hot concern: <c>clients - 1</c> workers alternate a first support by a new resident and a
    /// repeat by one of the <paramref name="supported"/> residents of the hot phase (spread over them), while one resident
    /// of the hot phase repeats as fast as it can on a connection of its own. Every request is a request of the phase.
    /// </summary>
    private async Task<(PhaseResult Result, MixedCounts Counts)> MixedAsync(HttpClient http, Guid concern, string[] tokens, int supported, string[] fresh)
    {
        using var alone = Client(1);
        var counts = new MixedCounts();
        var spread = Load.RunAsync("mixed", Math.Max(1, clients - 1), duration, async n =>
        {
            if (n % 2 == 0)
            {
                if (n / 2 >= fresh.Length) return null;
                return counts.First(await SupportChangedAsync(http, fresh[n / 2], concern));
            }
            return counts.Repeat(await SupportChangedAsync(http, tokens[n / 2 % supported], concern));
        });
        var one = Load.RunAsync("mixed, one resident", 1, duration, async _ => counts.Repeat(await SupportChangedAsync(alone, tokens[0], concern)));
        var (spreadResult, oneResult) = (await spread, await one);
        counts.OneResident = oneResult;
        return (PhaseResult.Together("mixed", spreadResult, oneResult), counts);
    }

    private HttpClient Client(int connections) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri(api),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>What the mixed phase's answers said: first supports counted, repeats answered as repeats (or, wrongly, counted).</summary>
    private sealed class MixedCounts
    {
        private long _firsts, _firstsCounted, _repeats, _repeatsCounted;

        public PhaseResult? OneResident { get; set; }

        /// <summary>The supports the mixed phase added to the concern's count, by its answers.</summary>
        public long Counted => Interlocked.Read(ref _firstsCounted) + Interlocked.Read(ref _repeatsCounted);

        /// <summary>Every first support counted, no repeat counted.</summary>
        public bool Exact => Interlocked.Read(ref _firstsCounted) == Interlocked.Read(ref _firsts) && Interlocked.Read(ref _repeatsCounted) == 0;

        public bool First(bool? changed) => Answer(changed, ref _firsts, ref _firstsCounted);

        public bool Repeat(bool? changed) => Answer(changed, ref _repeats, ref _repeatsCounted);

        private static bool Answer(bool? changed, ref long answered, ref long counted)
        {
            if (changed is not { } c) return false;
            Interlocked.Increment(ref answered);
            if (c) Interlocked.Increment(ref counted);
            return true;
        }

        public override string ToString() =>
            $"mixed: {_firsts} first supports ({_firstsCounted} counted), {_repeats} repeats ({_repeatsCounted} counted); one resident alone: " +
            $"{OneResident?.PerSecond:F0}/s p99 {OneResident?.Latencies.Percentile(99):F1} ms";
    }

    /// <summary>A support; answers whether it changed anything (a repeat: false), null when it failed.</summary>
    private static async Task<bool?> SupportChangedAsync(HttpClient http, string token, Guid concern)
    {
        using var response = await SendSupportAsync(http, token, concern);
        if (!response.IsSuccessStatusCode) return null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("changed").GetBoolean();
    }

    internal static async Task<string[]> ResidentsAsync(HttpClient http, int count)
    {
        var response = await http.PostAsync($"/api/bench/residents?city={City}&count={count}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<string[]>())!;
    }

    internal static async Task<Guid> RaiseAsync(HttpClient http, string token, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cities/{City}/concerns")
        {
            Content = JsonContent.Create(new { title, description = "Benchmark", rights = new[] { "housing" } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<bool?> SupportAsync(HttpClient http, string token, Guid concern)
    {
        using var response = await SendSupportAsync(http, token, concern);
        return response.IsSuccessStatusCode;
    }

    private static async Task<HttpResponseMessage> SendSupportAsync(HttpClient http, string token, Guid concern)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cities/{City}/concerns/{concern}/supports");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }

    internal static async Task<long> SupportsOfAsync(HttpClient http, Guid concern) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/cities/{City}/concerns/{concern}")).GetProperty("supports").GetInt64();

    /// <summary>VACUUM (ANALYZE) of the database the API writes, and how long it took.</summary>
    private async Task VacuumAsync()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using (var vacuum = new NpgsqlCommand("vacuum (analyze)", connection) { CommandTimeout = 600 })
            await vacuum.ExecuteNonQueryAsync();
        Console.Error.WriteLine($"[bench] vacuumed and analysed the setup's tables in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The floor: what PostgreSQL does with one-row INSERTs and a unique key at the same concurrency, no HTTP, no event store.</summary>
    private async Task<PhaseResult> BaselineAsync()
    {
        var builder = new NpgsqlDataSourceBuilder(database);
        builder.ConnectionStringBuilder.MaxPoolSize = clients + 4;
        await using var source = builder.Build();
        await using (var create = source.CreateCommand(
            "drop table if exists bench_baseline; create table bench_baseline (item uuid not null, resident uuid not null, at timestamptz not null default now(), primary key (item, resident))"))
            await create.ExecuteNonQueryAsync();
        var item = Guid.NewGuid();
        return await Load.RunAsync("baseline", clients, duration, async _ =>
        {
            await using var insert = source.CreateCommand("insert into bench_baseline (item, resident) values ($1, $2)");
            insert.Parameters.Add(new NpgsqlParameter { Value = item });
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
            return await insert.ExecuteNonQueryAsync() == 1;
        });
    }
}
