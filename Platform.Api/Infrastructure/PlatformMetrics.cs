using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Platform.Api.Infrastructure;

/// <summary>
/// The platform's own instruments, on the meter <c>Platform</c> (one process is one node, so these count per node).
/// Recording costs next to nothing while no listener is attached, which is the case unless telemetry is on.
/// The projection lag is measured by <see cref="ProjectionLag"/>, which needs the node's database.
/// </summary>
public static class PlatformMetrics
{
    public const string MeterName = "Platform";

    private static readonly Meter Meter = new(MeterName, typeof(PlatformMetrics).Assembly.GetName().Version?.ToString());

    private static readonly ConcurrentDictionary<object, (string Writer, Func<int> Queued)> Queues = new();

    /// <summary>Live-view pushes this node sent to the group that watches a view (tag <c>view</c>).</summary>
    public static readonly Counter<long> LivePushes =
        Meter.CreateCounter<long>("platform.live.pushes", "{push}", "Live-view pushes sent by this node");

    /// <summary>Hub connections open on this node.</summary>
    public static readonly UpDownCounter<long> HubConnections =
        Meter.CreateUpDownCounter<long>("platform.live.connections", "{connection}", "SignalR hub connections open on this node");

    /// <summary>Writes committed together in one group-commit transaction (tag <c>writer</c>: the group commit's type).</summary>
    public static readonly Histogram<int> GroupCommitBatchSize = Meter.CreateHistogram<int>(
        "platform.group_commit.batch_size", "{write}", "Writes committed in one group-commit transaction",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    /// <summary>
    /// Group-commit batches refused by one of their writes and written again in halves (tag <c>writer</c>): expected to
    /// stay rare, as writes known to be refused are handed back before their batch.
    /// </summary>
    public static readonly Counter<long> GroupCommitSplits =
        Meter.CreateCounter<long>("platform.group_commit.splits", "{batch}", "Group-commit batches refused by one of their writes and split");

    static PlatformMetrics()
    {
        Meter.CreateObservableGauge("platform.group_commit.queue_length", ObserveQueues, "{write}",
            "Writes waiting for a group-commit writer");
    }

    /// <summary>Reports a running group commit's queue length (tag <c>writer</c>) until <see cref="ForgetQueue"/>.</summary>
    public static void ObserveQueue(object groupCommit, string writer, Func<int> queued) => Queues[groupCommit] = (writer, queued);

    public static void ForgetQueue(object groupCommit) => Queues.TryRemove(groupCommit, out _);

    private static IEnumerable<Measurement<int>> ObserveQueues() =>
        Queues.Values.Select(q => new Measurement<int>(q.Queued(), new KeyValuePair<string, object?>("writer", q.Writer))).ToList();
}
