using System.Diagnostics.Metrics;

namespace Platform.Api.Infrastructure;

/// <summary>
/// How far each async projection and subscription (the live-view subscription among them) is behind the event store:
/// the events stored after the last one it processed (its row in <c>mt_event_progression</c> against the newest
/// event's sequence), and the age of the oldest of those, in seconds (0 when it is caught up). The store is shared,
/// so every node measures the same lag, wherever the projection runs.
/// <para>
/// As metrics (<c>platform.projection.lag.events</c> and <c>platform.projection.lag.seconds</c>, tag <c>projection</c>)
/// it is read when the metrics are collected (the export interval), never per request, and at most once a second.
/// </para>
/// </summary>
public sealed class ProjectionLag
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _database;
    private readonly ILogger<ProjectionLag> _logger;
    private readonly string _sql;
    private readonly Lock _lock = new();
    private IReadOnlyList<Behind> _last = [];
    private DateTime _readAt = DateTime.MinValue;

    /// <summary>One projection's or subscription's lag (the shard name as Marten keeps it, such as <c>live-views:All</c>).</summary>
    public sealed record Behind(string Projection, long Events, double Seconds);

    public ProjectionLag(NpgsqlDataSource database, PlatformOptions platform, IMeterFactory meters, ILogger<ProjectionLag> logger)
    {
        _database = database;
        _logger = logger;
        var schema = platform.Schema;
        // The oldest unprocessed event is found through the sequence's index; progression rows of the high-water
        // detector (HighWater...) are not projections.
        _sql = $"""
            select p.name,
                   greatest(coalesce((select max(seq_id) from {schema}.mt_events), 0) - coalesce(p.last_seq_id, 0), 0),
                   coalesce(extract(epoch from now() - (select e.timestamp from {schema}.mt_events e
                       where e.seq_id > coalesce(p.last_seq_id, 0) order by e.seq_id limit 1)), 0)::float8
            from {schema}.mt_event_progression p
            where p.name not like 'HighWater%'
            """;
        var meter = meters.Create(PlatformMetrics.MeterName);
        meter.CreateObservableGauge("platform.projection.lag.events",
            () => Observe().Select(b => new Measurement<long>(b.Events, Tag(b))), "{event}",
            "Events stored after the last one the projection processed");
        meter.CreateObservableGauge("platform.projection.lag.seconds",
            () => Observe().Select(b => new Measurement<double>(b.Seconds, Tag(b))), "s",
            "Age of the oldest event the projection has not processed yet (0 when caught up)");
    }

    /// <summary>Reads every projection's lag now.</summary>
    public async Task<IReadOnlyList<Behind>> ReadAsync(CancellationToken cancellation)
    {
        await using var command = _database.CreateCommand(_sql);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var lag = new List<Behind>();
        while (await reader.ReadAsync(cancellation)) lag.Add(new Behind(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2)));
        return lag;
    }

    private static KeyValuePair<string, object?> Tag(Behind behind) => new("projection", behind.Projection);

    // Gauges are observed synchronously, on the exporter's own thread; both gauges of one collection share one read.
    private IReadOnlyList<Behind> Observe()
    {
        lock (_lock)
        {
            if (DateTime.UtcNow - _readAt < Fresh) return _last;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                _last = ReadAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
            {
                _logger.LogDebug(e, "Projection lag could not be read");
                _last = []; // no figure rather than a stale one
            }
            _readAt = DateTime.UtcNow;
            return _last;
        }
    }
}
