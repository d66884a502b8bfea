using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace Platform.Tests.Cluster;

/// <summary>One support to write: a resident and a concern (each pair once), with an <c>Idempotency-Key</c> or without.</summary>
public sealed record SupportWrite(ClusterResident Resident, Guid Concern, string? Key);

/// <summary>What one support request got: its status (0 when no answer came: refused or broken connection), when it was sent and answered.</summary>
public sealed record SupportOutcome(SupportWrite Write, int Status, bool RetryAfter, TimeSpan SentAt, TimeSpan AnsweredAt, string Body);

/// <summary>
/// Write load of the failure tests: workers send supports, each write once, to the server a picker chooses, until the
/// writes run out or the load is stopped, and record every outcome with its timing (from <see cref="Clock"/>).
/// </summary>
public sealed class WriteLoad
{
    private readonly ConcurrentQueue<SupportWrite> _writes;
    private readonly ConcurrentBag<SupportOutcome> _outcomes = [];

    public WriteLoad(IEnumerable<SupportWrite> writes) => _writes = new ConcurrentQueue<SupportWrite>(writes);

    public Stopwatch Clock { get; } = Stopwatch.StartNew();
    public IReadOnlyCollection<SupportOutcome> Outcomes => _outcomes;

    /// <summary>Every (resident, concern) pair, shuffled; every <paramref name="keyedEvery"/>th with an Idempotency-Key.</summary>
    public static IEnumerable<SupportWrite> Pairs(IReadOnlyList<ClusterResident> residents, IReadOnlyList<Guid> concerns, int keyedEvery = 0) =>
        residents.SelectMany(r => concerns.Select(c => (r, c))).OrderBy(_ => Random.Shared.Next())
            .Select((pair, i) => new SupportWrite(pair.r, pair.c, keyedEvery > 0 && i % keyedEvery == 0 ? $"{Guid.NewGuid():N}" : null));

    /// <summary>Runs <paramref name="workers"/> workers, each waiting <paramref name="pause"/> between its requests.</summary>
    public Task RunAsync(int workers, Func<int, HttpClient> pick, TimeSpan pause, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            var sent = 0;
            while (!stop.IsCancellationRequested && _writes.TryDequeue(out var write))
            {
                _outcomes.Add(await SendAsync(pick(worker + workers * sent++), write));
                try
                {
                    await Task.Delay(pause, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        })));

    /// <summary>Sends one support as a client would; a connection that fails gives status 0.</summary>
    public async Task<SupportOutcome> SendAsync(HttpClient http, SupportWrite write)
    {
        var sentAt = Clock.Elapsed;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/cities/york/concerns/{write.Concern}/supports");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", write.Resident.Token);
        if (write.Key is not null) request.Headers.Add("Idempotency-Key", write.Key);
        try
        {
            using var answer = await http.SendAsync(request);
            return new SupportOutcome(write, (int)answer.StatusCode, answer.Headers.RetryAfter is not null, sentAt, Clock.Elapsed,
                await answer.Content.ReadAsStringAsync());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new SupportOutcome(write, 0, false, sentAt, Clock.Elapsed, e.Message);
        }
    }

    /// <summary>
    /// Sends again, through <paramref name="http"/>, every write whose outcome was not a 200, as a client retries (with
    /// the same key): until it is answered 200, for at most <paramref name="patience"/>. Answers the writes still not accepted.
    /// </summary>
    public async Task<IReadOnlyList<SupportOutcome>> RetryUnansweredAsync(HttpClient http, TimeSpan patience)
    {
        var failed = Outcomes.Where(o => o.Status != 200).Select(o => o.Write).Distinct().ToList();
        var watch = Stopwatch.StartNew();
        var still = new List<SupportOutcome>();
        foreach (var write in failed)
        {
            SupportOutcome outcome;
            do
            {
                outcome = await SendAsync(http, write);
                if (outcome.Status == 200) break;
                await Task.Delay(250);
            }
            while (watch.Elapsed < patience);
            if (outcome.Status != 200) still.Add(outcome);
        }
        return still;
    }

    /// <summary>The distinct writes sent at least once.</summary>
    public int Attempted => Outcomes.Select(o => o.Write).Distinct().Count();

    /// <summary>Supports stored for these concerns, counted in the event store itself.</summary>
    public static async Task<long> StoredAsync(string connectionString, IEnumerable<Guid> concerns)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "select count(*) from platform.mt_events where type = 'concern_supported' and data ->> 'concernId' = any(@concerns)", connection);
        count.Parameters.AddWithValue("concerns", concerns.Select(c => c.ToString()).ToArray());
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The supports the concerns' views show, summed (through <paramref name="http"/>).</summary>
    public static async Task<long> ShownAsync(HttpClient http, IEnumerable<Guid> concerns)
    {
        long total = 0;
        foreach (var concern in concerns)
            total += JsonDocument.Parse(await http.GetStringAsync($"api/cities/york/concerns/{concern}")).RootElement.GetProperty("supports").GetInt64();
        return total;
    }
}
