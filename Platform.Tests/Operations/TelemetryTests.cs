using Marten.Events;
using OpenTelemetry.Metrics;
using Platform.Api.Concerns;

namespace Platform.Tests.Operations;

/// <summary>
/// Traces and metrics as an OpenTelemetry exporter receives them (the SDK's in-memory exporter): requests with their
/// database spans, the platform's own metrics (group commit, projection lag, live pushes, hub connections), and log
/// entries that carry the trace id of the request that wrote them.
/// </summary>
[Collection(OperationsCollection.Name)]
public class TelemetryTests(OperationsFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static IEnumerable<MetricPoint> Points(IReadOnlyList<MetricSnapshot> metrics, string name) =>
        metrics.Where(m => m.Name == name).SelectMany(m => m.MetricPoints);

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
            if (tag.Key == key) return tag.Value?.ToString();
        return null;
    }

    private async Task<IReadOnlyList<MetricSnapshot>> MetricsOnceAsync(Func<IReadOnlyList<MetricSnapshot>, bool> done)
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var metrics = app.CollectMetrics();
            if (done(metrics) || DateTime.UtcNow > until) return metrics;
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The server span of the request to <paramref name="path"/>: the host ends it after the response went out, so
    /// it may reach the exporter a moment after the client has its answer.
    /// </summary>
    private async Task<Activity> ServerSpanAsync(string path)
    {
        var until = DateTime.UtcNow + Patience;
        bool Matches(Activity s) => s.Kind == ActivityKind.Server && (s.GetTagItem("url.path") as string) == path;
        while (!app.Spans.Any(Matches) && DateTime.UtcNow < until) await Task.Delay(20);
        app.FlushSpans(); // the Npgsql spans of the request ended before it did
        return Assert.Single(app.Spans, Matches);
    }

    [Fact]
    public async Task A_read_request_is_a_server_span_with_the_npgsql_spans_of_its_queries_in_its_trace()
    {
        var id = await app.RaiseAsync();
        app.Spans.Clear();

        await app.GetConcernAsync(id);

        var request = await ServerSpanAsync($"/api/cities/york/concerns/{id}");
        Assert.StartsWith("GET", request.DisplayName);
        Assert.Equal(200, request.GetTagItem("http.response.status_code"));
        Assert.Contains(app.Spans, s => s.Source.Name == "Npgsql" && s.TraceId == request.TraceId && s.Kind == ActivityKind.Client);
    }

    [Fact]
    public async Task Marten_and_Wolverine_report_spans_of_their_own_for_the_work_a_support_sets_off()
    {
        // This host starts after the other collections' hosts: its daemon first catches up on their events, which is
        // not the work this test watches (the spans of a support's own daemon page and its change messages).
        await app.Host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
        var id = await app.RaiseAsync();
        await app.SupportAsync(id, await app.ResidentAsync());

        var until = DateTime.UtcNow + Patience;
        bool Seen(string source) => app.Spans.Any(s => s.Source.Name == source);
        do app.FlushSpans();
        while (!(Seen("Marten") && Seen("Wolverine")) && DateTime.UtcNow < until && await Task.Delay(100).ContinueWith(_ => true));

        Assert.True(Seen("Marten"), "no span of Marten (the event daemon)");
        Assert.True(Seen("Wolverine"), "no span of Wolverine (the async views' change messages)");
        Assert.DoesNotContain(app.Spans, s => s.DisplayName == "marten.daemon.highwatermark"); // polling is not traced
    }

    [Fact]
    public async Task Supports_record_their_group_commit_batch_sizes_and_the_queue_is_measured()
    {
        var id = await app.RaiseAsync();
        var residents = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.ResidentAsync()));
        var before = BatchedSupports(app.CollectMetrics());

        await Task.WhenAll(residents.Select(r => app.SupportAsync(id, r)));

        var metrics = await MetricsOnceAsync(m => BatchedSupports(m) >= before + 8);
        Assert.Equal(before + 8, BatchedSupports(metrics)); // each first support was written in exactly one committed batch
        Assert.Contains(Points(metrics, "platform.group_commit.queue_length"), p => Tag(p, "writer") == "supports" && p.GetGaugeLastValueLong() >= 0);
        Assert.Contains(Points(metrics, "platform.group_commit.queue_length"), p => Tag(p, "writer") == "votes");
    }

    /// <summary>The supports written by committed group-commit batches so far: the sum of the histogram of batch sizes.</summary>
    private static long BatchedSupports(IReadOnlyList<MetricSnapshot> metrics) =>
        Points(metrics, "platform.group_commit.batch_size").Where(p => Tag(p, "writer") == "supports").Sum(p => (long)p.GetHistogramSum());

    [Fact]
    public async Task Projection_lag_is_measured_for_the_async_views_and_the_live_subscription_and_falls_to_zero()
    {
        var id = await app.RaiseAsync();
        await app.SupportAsync(id, await app.ResidentAsync());

        var metrics = await MetricsOnceAsync(m =>
            Points(m, "platform.projection.lag.events").Any(p => Tag(p, "projection") == "live-views:All" && p.GetGaugeLastValueLong() == 0)
            && Points(m, "platform.projection.lag.events").Any(p => Tag(p, "projection") == "CityScorecard:All" && p.GetGaugeLastValueLong() == 0));

        var events = Points(metrics, "platform.projection.lag.events").ToList();
        Assert.Contains(events, p => Tag(p, "projection") == "live-views:All" && p.GetGaugeLastValueLong() == 0);
        Assert.Contains(events, p => Tag(p, "projection") == "CityScorecard:All" && p.GetGaugeLastValueLong() == 0);
        Assert.DoesNotContain(events, p => Tag(p, "projection")!.StartsWith("HighWater"));
        Assert.Contains(Points(metrics, "platform.projection.lag.seconds"), p => Tag(p, "projection") == "live-views:All" && p.GetGaugeLastValueDouble() == 0);
    }

    [Fact]
    public async Task Hub_connections_are_counted_while_open_and_pushes_to_watchers_are_counted()
    {
        var id = await app.RaiseAsync();
        var pushesBefore = Pushes(app.CollectMetrics());

        await using (var client = await LiveClient.ConnectAsync(app))
        {
            var open = await MetricsOnceAsync(m => Connections(m) == 1);
            Assert.Equal(1, Connections(open));

            await client.WatchAsync("concern", "york", id);
            await app.SupportAsync(id, await app.ResidentAsync());
            await client.UntilAsync(push => push.GetProperty("data").GetProperty("supports").GetInt64() == 1);
            var pushed = await MetricsOnceAsync(m => Pushes(m) > pushesBefore);
            Assert.True(Pushes(pushed) > pushesBefore);
        }

        var closed = await MetricsOnceAsync(m => Connections(m) == 0);
        Assert.Equal(0, Connections(closed));
    }

    private static long Connections(IReadOnlyList<MetricSnapshot> metrics) =>
        Points(metrics, "platform.live.connections").Sum(p => p.GetSumLong());

    private static long Pushes(IReadOnlyList<MetricSnapshot> metrics) =>
        Points(metrics, "platform.live.pushes").Where(p => Tag(p, "view") == "concern").Sum(p => p.GetSumLong());

    [Fact]
    public async Task A_log_entry_written_during_a_request_carries_the_trace_id_of_its_span()
    {
        var id = await app.RaiseAsync();
        app.Spans.Clear();
        app.TracedLog.Entries.Clear();

        await app.GetConcernAsync(id);

        var request = await ServerSpanAsync($"/api/cities/york/concerns/{id}");
        var started = Assert.Single(app.TracedLog.Entries, e => e.Category == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && e.Message.StartsWith("Request starting") && e.Message.Contains(id.ToString()));
        Assert.Equal(request.TraceId.ToHexString(), started.TraceId);
    }
}
