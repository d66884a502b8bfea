using System.Collections.Concurrent;
using Platform.Tests.Trust.Fuzz;
using Xunit.Abstractions;

namespace Platform.Tests.Trust;

/// <summary>
/// Seeded fuzzing of the whole API from the OpenAPI document it serves: every operation gets the same share of
/// at least <see cref="MinimumRequests"/> requests (see <see cref="RequestGenerator"/> for what they try), sent as
/// an anonymous caller, a resident and an official and moderator of a test city, to real, other and unknown
/// cities. No request may answer 5xx, and a request answered 4xx may store no event. A failure names the seed;
/// <c>PLATFORM_FUZZ_SEED=&lt;seed&gt;</c> replays the same requests.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class FuzzTests(AppFixture app, ITestOutputHelper output)
{
    public const int MinimumRequests = 10_000;
    private const int DefaultSeed = 20261206;
    /// <summary>Workers send their requests one after another, each on two cities of its own (see <see cref="FuzzWorld"/>).</summary>
    private const int Workers = 4;

    [Fact]
    public async Task Requests_generated_from_the_OpenAPI_document_never_answer_5xx_and_refused_ones_store_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("PLATFORM_FUZZ_SEED"), out var given) ? given : DefaultSeed;
        using var client = app.Host.Server.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        var operations = ApiOperation.AllOf(document);
        Assert.True(operations.Count >= 50, $"the OpenAPI document lists only {operations.Count} operations");

        var run = Guid.NewGuid().ToString("N")[..8];
        var worlds = new List<FuzzWorld>();
        for (var w = 0; w < Workers; w++) worlds.Add(await FuzzWorld.CreateAsync(app, $"fz{run}{w}"));
        var vocabulary = await Vocabulary.HarvestAsync(client, document, operations, worlds[0], new Random(seed));
        var generator = new RequestGenerator(document, vocabulary);

        // Every operation the same number of times, in an order the seed decides, dealt to the workers in turn.
        var perOperation = (MinimumRequests + operations.Count - 1) / operations.Count;
        var plan = Enumerable.Range(0, operations.Count).SelectMany(i => Enumerable.Repeat(i, perOperation)).ToArray();
        new Random(seed).Shuffle(plan);

        await using var database = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
        var start = await LastSequenceAsync(database);
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var succeeded = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        var sent = await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var world = worlds[w];
            var random = new Random(unchecked(seed * 31 + w));
            var stored = await CountAsync(database, start, world.Tenants);
            var count = 0;
            for (var n = w; n < plan.Length; n += Workers)
            {
                var request = generator.Next(operations[plan[n]], world, random);
                var where = $"seed {seed}, worker {w}, request {n}";
                var (status, body) = await SendAsync(client, request);
                count++;
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                if (status is >= 200 and < 300) succeeded.AddOrUpdate(request.Operation.OperationId, 1, (_, c) => c + 1);
                if (status is 0 or >= 500)
                    failures.Enqueue($"{where}: {request.Describe()} answered {(status == 0 ? "with an exception" : status)}: {FuzzRequest.Shorten(body, 600)}");

                var now = await CountAsync(database, start, world.Tenants);
                if (now != stored && status >= 400)
                    failures.Enqueue($"{where}: {request.Describe()} was refused ({status}) but {now - stored} event(s) were stored: " +
                                     await LatestEventsAsync(database, start, world.Tenants, (int)Math.Min(now - stored, 5)));
                stored = now;

                if (status is >= 200 and < 300 && request.City is { } city && request.Method == "POST" && !operations[plan[n]].PathTemplate.EndsWith('}'))
                    world.LearnFrom(city, operations[plan[n]].PathTemplate.Split('/')[^1], body);
            }
            return count;
        })));
        clock.Stop();

        var total = sent.Sum();
        output.WriteLine($"Fuzzing: {total} requests over {operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s (seed {seed}, {Workers} workers, {vocabulary.Words.Count} words).");
        output.WriteLine("Statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        output.WriteLine("Operations never answered 2xx: " + string.Join(", ", operations.Select(o => o.OperationId).Where(id => !succeeded.ContainsKey(id))));
        if (!failures.IsEmpty)
        {
            var all = failures.ToArray();
            Assert.Fail($"{all.Length} of {total} fuzz requests failed (seed {seed}; set PLATFORM_FUZZ_SEED={seed} to replay them).{Environment.NewLine}" +
                        $"First: {all[0]}{Environment.NewLine}Then:{Environment.NewLine}" + string.Join(Environment.NewLine, all.Skip(1).Take(15)));
        }
        Assert.True(total >= MinimumRequests, $"only {total} requests were sent");
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, FuzzRequest fuzz)
    {
        using var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), fuzz.Url);
        if (fuzz.Authorization is not null) request.Headers.TryAddWithoutValidation("Authorization", fuzz.Authorization);
        if (fuzz.Accept is not null) request.Headers.TryAddWithoutValidation("Accept", fuzz.Accept);
        if (fuzz.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", fuzz.IdempotencyKey);
        if (fuzz.Body is not null)
        {
            request.Content = new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
        }
        try
        {
            using var response = await client.SendAsync(request);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (0, e.ToString());
        }
    }

    private static async Task<long> LastSequenceAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("select coalesce(max(seq_id), 0) from platform.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Events (not tombstones) stored in <paramref name="tenants"/> since the run began.</summary>
    private static async Task<long> CountAsync(NpgsqlDataSource database, long start, string[] tenants)
    {
        await using var command = database.CreateCommand(
            "select count(*) from platform.mt_events where seq_id > $1 and tenant_id = any($2) and type <> 'tombstone'");
        command.Parameters.Add(new NpgsqlParameter { Value = start });
        command.Parameters.Add(new NpgsqlParameter { Value = tenants });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<string> LatestEventsAsync(NpgsqlDataSource database, long start, string[] tenants, int count)
    {
        await using var command = database.CreateCommand(
            "select tenant_id || ':' || type || ' on ' || stream_id from platform.mt_events " +
            "where seq_id > $1 and tenant_id = any($2) and type <> 'tombstone' order by seq_id desc limit $3");
        command.Parameters.Add(new NpgsqlParameter { Value = start });
        command.Parameters.Add(new NpgsqlParameter { Value = tenants });
        command.Parameters.Add(new NpgsqlParameter { Value = count });
        var events = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) events.Add(reader.GetString(0));
        return string.Join("; ", events);
    }
}
