using System.Diagnostics;
using System.Text.Json;
using Npgsql;

namespace Platform.Bench;

/// <summary>
/// Rebuild benchmark (issue 17): a history of the platform's events over the demo cities (written by the bench module
/// with Marten's bulk insert), then every projection that keeps a view rebuilt from nothing as the platform rebuilds them
/// (<c>ProjectionRebuilds.RebuildAllAsync</c>: most events first; by one statement or by a projection daemon), timed
/// from the reading of the event counts and the daemon's start to the last projection's end. Baseline, same run: the same events read raw (<c>data, type, seq_id</c> of every event, streamed through
/// Npgsql). Checks that the rebuilt views hold the history: the support and vote tallies count every support and vote
/// event, and there is one concern view per raised concern.
/// </summary>
public sealed class RebuildBenchmark(string baseUrl, string database, int events, int parallel)
{
    private const string Schema = "platform";

    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromHours(1) };

    public async Task<int> RunAsync()
    {
        var history = await PostAsync($"/api/bench/history?events={events}");
        Console.Error.WriteLine($"[bench] {history.GetProperty("events").GetInt64()} events written in {history.GetProperty("seconds").GetDouble():F1} s");
        var settle = await PostAsync("/api/bench/settle");
        Console.Error.WriteLine($"[bench] the running async views caught up in {settle.GetProperty("seconds").GetDouble():F1} s");

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"vacuum analyze {Schema}.mt_events");
        var total = await ScalarAsync(connection, $"select count(*) from {Schema}.mt_events where type <> 'tombstone'");

        var reading = Stopwatch.StartNew();
        long read = 0, bytes = 0;
        await using (var command = new NpgsqlCommand($"select data, type, seq_id from {Schema}.mt_events where type <> 'tombstone' order by seq_id", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                bytes += reader.GetString(0).Length + reader.GetString(1).Length + sizeof(long);
                reader.GetInt64(2);
                read++;
            }
        var baseline = read / reading.Elapsed.TotalSeconds;
        Console.Error.WriteLine($"[bench] baseline: {read} events ({bytes / 1_000_000} MB of text) read in {reading.Elapsed.TotalSeconds:F1} s");

        var rebuild = await PostAsync($"/api/bench/rebuild?parallel={parallel}");
        var seconds = rebuild.GetProperty("seconds").GetDouble();
        foreach (var projection in rebuild.GetProperty("projections").EnumerateObject())
            Console.Error.WriteLine($"[bench]   {projection.Name}: {projection.Value.GetDouble():F2} s");

        var failures = new List<string>();
        async Task CheckAsync(string what, string expectedSql, string actualSql)
        {
            var (expected, actual) = (await ScalarAsync(connection, expectedSql), await ScalarAsync(connection, actualSql));
            if (expected != actual) failures.Add($"{what}: {actual}, expected {expected}");
        }
        // The tally counts supports of concerns and proposals, less the withdrawn ones.
        await CheckAsync("supports counted", $"select count(*) filter (where type in ('concern_supported', 'proposal_supported')) " +
            $"- count(*) filter (where type in ('concern_support_withdrawn', 'proposal_support_withdrawn')) from {Schema}.mt_events",
            $"select coalesce(sum(supports), 0) from {Schema}.support_tally");
        await CheckAsync("votes counted", $"select count(*) from {Schema}.mt_events where type = 'town_hall_vote_cast'",
            $"select coalesce(sum(votes), 0) from {Schema}.vote_tally");
        await CheckAsync("concern views", $"select count(*) from {Schema}.mt_events where type = 'concern_raised'",
            $"select count(*) from {Schema}.mt_doc_concernview");
        foreach (var failure in failures) Console.Error.WriteLine($"[bench] after the rebuild, {failure}");

        Console.WriteLine($"rebuild: {total} events in {seconds:F1} s ({total / seconds:F0} events/s); baseline read {baseline:F0} events/s");
        return failures.Count == 0 ? 0 : 1;
    }

    private async Task<JsonElement> PostAsync(string path)
    {
        using var response = await _http.PostAsync(path, null);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
