using System.Threading.Channels;
using Marten;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// Group commit for first supports of concerns. Requests queue their support here; a few writers each take
/// whatever is queued (up to <see cref="SupportBatchOptions.MaxBatch"/>) and write it in one transaction: one
/// support stream per resident, the concerns' state checked by <see cref="SupportGate"/>, the tally updated by
/// its inline projection. A request is answered only once its transaction committed, so nothing accepted is
/// lost; under load, many supports share one round trip, one commit and one Marten session.
/// <para>
/// A batch that fails (a resident who already supports the concern, a concern that no longer accepts supports)
/// is split in halves and written again, down to single supports; a single support that fails that way is handed
/// back to the endpoint's general path, which reads the concern and the resident's support and decides. The tally
/// projection writes one row per concern and transaction, in id order, so concurrent batches never deadlock on tally rows.
/// </para>
/// </summary>
public sealed class SupportBatcher : BackgroundService
{
    private readonly Channel<PendingSupport> _queue;
    private readonly IDocumentStore _store;
    private readonly PlatformOptions _platform;
    private readonly SupportBatchOptions _options;
    private readonly ILogger<SupportBatcher> _logger;

    public SupportBatcher(IDocumentStore store, PlatformOptions platform, ILogger<SupportBatcher> logger)
    {
        _store = store;
        _platform = platform;
        _options = platform.Supports;
        _logger = logger;
        _queue = Channel.CreateBounded<PendingSupport>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Writes the resident's first support of the concern. Answers the event sequence that recorded it, or null
    /// when it could not be written as a first support (the caller then takes the general path).
    /// </summary>
    public async Task<long?> SupportAsync(string tenant, Guid concernId, Guid residentId, DateTimeOffset at, CancellationToken cancellation)
    {
        var pending = new PendingSupport(tenant, concernId, residentId, at);
        await _queue.Writer.WriteAsync(pending, cancellation);
        // Once queued, the write goes ahead even if this caller gives up waiting: it is a valid support.
        return await pending.Outcome.Task.WaitAsync(cancellation);
    }

    // Writers stop when the queue is completed and drained (StopAsync), not on the stopping token: queued supports are written.
    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(WriterAsync, CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete(); // writers drain what is queued, then stop
        await base.StopAsync(cancellationToken);
    }

    private async Task WriterAsync()
    {
        var batch = new List<PendingSupport>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            foreach (var tenant in batch.GroupBy(p => p.Tenant))
                await WriteTenantAsync(tenant.Key, [.. tenant]);
        }
    }

    private async Task WriteTenantAsync(string tenant, List<PendingSupport> supports)
    {
        // A resident's second request in the same batch waits for the first, then takes the general path.
        var first = new List<PendingSupport>(supports.Count);
        var repeats = new List<PendingSupport>();
        var seen = new HashSet<Guid>();
        foreach (var support in supports)
            (seen.Add(support.StreamId) ? first : repeats).Add(support);

        await WriteAsync(tenant, first);
        foreach (var repeat in repeats) repeat.Outcome.TrySetResult(null);
    }

    private async Task WriteAsync(string tenant, List<PendingSupport> supports)
    {
        try
        {
            await using var session = _store.LightweightSession(tenant);
            var streams = supports.Select(s => session.Events.StartStream<ResidentSupport>(s.StreamId,
                ConcernDecider.DecideFirstSupport(new SupportConcern(s.ConcernId, s.ResidentId), s.At))).ToList();
            foreach (var concern in supports.Select(s => s.ConcernId).Distinct())
                session.QueueSqlCommand(SupportGate.Command(_platform.Schema), tenant, concern);
            await session.SaveChangesAsync(CancellationToken.None);
            for (var i = 0; i < supports.Count; i++) supports[i].Outcome.TrySetResult(streams[i].Events[^1].Sequence);
        }
        catch (Exception e) when (WriteConflicts.IsStreamConflict(e) || SupportGate.Refused(e) || WriteConflicts.IsDeadlock(e))
        {
            if (supports.Count == 1)
            {
                supports[0].Outcome.TrySetResult(null);
                return;
            }
            var half = supports.Count / 2;
            await WriteAsync(tenant, supports.GetRange(0, half));
            await WriteAsync(tenant, supports.GetRange(half, supports.Count - half));
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A batch of {Count} supports could not be written", supports.Count);
            foreach (var support in supports) support.Outcome.TrySetException(e);
        }
    }

    private sealed class PendingSupport(string tenant, Guid concernId, Guid residentId, DateTimeOffset at)
    {
        public string Tenant { get; } = tenant;
        public Guid ConcernId { get; } = concernId;
        public Guid ResidentId { get; } = residentId;
        public DateTimeOffset At { get; } = at;
        public Guid StreamId { get; } = SupportStream.Id(concernId, residentId);

        public TaskCompletionSource<long?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Settings of the supports' group commit (<c>Platform:Supports</c>).</summary>
public sealed class SupportBatchOptions
{
    /// <summary>Concurrent batch writers (each holds one connection while it writes).</summary>
    public int Writers { get; set; } = 4;

    /// <summary>At most this many supports in one transaction.</summary>
    public int MaxBatch { get; set; } = 128;

    /// <summary>Supports waiting to be written before new requests wait to queue.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
