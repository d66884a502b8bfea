using System.Threading.Channels;
using Polly;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Group commit of small, independent writes (a first support, a vote): requests queue their write here; a few
/// writers each take whatever is queued (up to <see cref="GroupCommitOptions.MaxBatch"/>) and write it, per city, in
/// one transaction. A request is answered only once its transaction committed, so nothing accepted is lost; under
/// load, many writes share one session, one round trip and one commit.
/// <para>
/// A batch that fails on something one of its writes caused (<see cref="SplitsOn"/>: a stream that exists already, a
/// guard that refuses) is split in halves and written again, down to single writes; a single write that still fails
/// that way is answered null, and the caller takes its general path, which reads the state and decides. Two writes of
/// one stream in a batch are not written together: the second is answered null once the first is written. A write
/// made under an <c>Idempotency-Key</c> carries the request's <see cref="IdempotencyScope"/> (<see cref="Write.Scope"/>,
/// passed in by its caller) and is written alone, in the request's flow, with the key's claim. When the
/// service stops, what is queued is still written; a write submitted after that is handed back to its caller.
/// </para>
/// <para>
/// Splitting costs every write of the batch a transaction or more, so a subclass that can know a write's refusal
/// before writing (reading, in the batch's transaction, what would refuse it) hands that write back itself
/// (<see cref="HandBack"/>) and writes the others: a refusal then costs no one else anything, and the split stays the
/// rare fallback for what committed meanwhile. It is logged at debug level, without a stack: it is expected.
/// </para>
/// <para>
/// A batch that fails because PostgreSQL could not be reached or went away (its outcome may be unknown: the commit may
/// have landed before the connection broke) is written again with <see cref="DatabaseRetry"/> only where
/// <see cref="RepeatIsHarmless"/>; otherwise, or when the retries run out, its writes fail and their requests are
/// answered 503 (<see cref="DatabaseUnavailable"/>).
/// </para>
/// </summary>
public abstract class GroupCommit<TWrite> : IHostedService where TWrite : GroupCommit<TWrite>.Write
{
    private readonly Channel<TWrite> _queue;
    private readonly GroupCommitOptions _options;
    private readonly ILogger _logger;
    private readonly KeyValuePair<string, object?> _writer; // the metrics' tag: which group commit
    private int _writing;
    private Task? _writers;

    protected GroupCommit(GroupCommitOptions options, ILogger logger) : this(options, logger, null)
    {
    }

    /// <param name="name">The writer's name in metrics and logs (the class's name when null).</param>
    protected GroupCommit(GroupCommitOptions options, ILogger logger, string? name)
    {
        _options = options;
        _logger = logger;
        Name = name ?? GetType().Name;
        _writer = new("writer", Name);
        _queue = Channel.CreateBounded<TWrite>(new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });
    }

    /// <summary>The writer's name in metrics and logs.</summary>
    public string Name { get; }

    /// <summary>The log of the group commit (for subclasses).</summary>
    protected ILogger Logger => _logger;

    /// <summary>Writes in transactions at this moment, all batches together (for tests and diagnostics).</summary>
    public int Writing => Volatile.Read(ref _writing);

    /// <summary>Writes waiting in the queue (for tests and diagnostics).</summary>
    public int Queued => _queue.Reader.Count;

    /// <summary>
    /// Queues the write; answers the event sequence that recorded it, or null when the caller must take its general
    /// path (also once the service is stopping).
    /// </summary>
    protected async Task<long?> SubmitAsync(TWrite write, CancellationToken cancellation)
    {
        // A request with an Idempotency-Key writes alone, in its own flow: the key's claim (which WriteBatchAsync adds
        // from the write's scope) then commits in the same transaction as the write.
        if (write.Scope is not null)
        {
            await WriteAsync(write.Tenant, [write]);
            return await write.Outcome.Task;
        }
        while (await _queue.Writer.WaitToWriteAsync(cancellation))
        {
            if (!_queue.Writer.TryWrite(write)) continue; // another request took the room: wait again
            // Once queued, the write goes ahead even if this caller gives up waiting: it is a valid write.
            return await write.Outcome.Task.WaitAsync(cancellation);
        }
        return null; // shutting down: the writers take nothing new, and the caller writes it alone
    }

    /// <summary>Writes the batch (one city's, no stream twice) in one transaction; answers each write's sequence, in order.</summary>
    protected abstract Task<IReadOnlyList<long>> WriteBatchAsync(string tenant, IReadOnlyList<TWrite> batch);

    /// <summary>
    /// Answers the write null now, from within <see cref="WriteBatchAsync"/>, which leaves it out of its transaction: its
    /// caller takes the general path. Its place in the answered sequences is not read, and a later try of the batch
    /// (a retry, a half after a split) must leave it out too (its <c>Outcome</c> is completed).
    /// </summary>
    protected static void HandBack(TWrite write) => write.Outcome.TrySetResult(null);

    /// <summary>Whether the failure may come from one of the batch's writes, so that writing fewer together may succeed.</summary>
    protected abstract bool SplitsOn(Exception exception);

    /// <summary>
    /// Whether a batch may be written again when its outcome is unknown: true where a write that did land is refused by
    /// the store's keys the second time and then answered as what it is (the caller's general path finds it written).
    /// </summary>
    protected virtual bool RepeatIsHarmless => false;

    private ResiliencePipeline Retry => _retry ??= RepeatIsHarmless ? DatabaseRetry.Pipeline(_logger, Name) : ResiliencePipeline.Empty;
    private ResiliencePipeline? _retry;

    // Not a BackgroundService: it starts ExecuteAsync through Task.Run with the stopping token, so a stop that comes
    // before the thread pool ran it cancels it unrun, and what was queued would never be written. The writers start
    // here, unconditionally, and stop only once the queue is completed and drained.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _writers ??= Task.WhenAll(Enumerable.Range(0, _options.Writers).Select(_ => Task.Run(WriterAsync, CancellationToken.None)));
        PlatformMetrics.ObserveQueue(this, (string)_writer.Value!, () => Queued);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete(); // writers drain what is queued, then stop
        PlatformMetrics.ForgetQueue(this);
        if (_writers is null) return;
        try
        {
            await _writers.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host's shutdown timeout passed: the writers finish what they hold on their own.
        }
    }

    private async Task WriterAsync()
    {
        var batch = new List<TWrite>(_options.MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < _options.MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            foreach (var tenant in batch.GroupBy(w => w.Tenant))
                await WriteTenantAsync(tenant.Key, [.. tenant]);
        }
    }

    private async Task WriteTenantAsync(string tenant, List<TWrite> writes)
    {
        // A second write of one stream in the batch would fail the whole batch: it waits for the first, then takes
        // the general path, which then finds the first one written.
        var first = new List<TWrite>(writes.Count);
        var repeats = new List<(TWrite First, TWrite Repeat)>();
        var seen = new Dictionary<Guid, TWrite>();
        foreach (var write in writes)
        {
            if (seen.TryAdd(write.StreamId, write)) first.Add(write);
            else repeats.Add((seen[write.StreamId], write));
        }
        Interlocked.Add(ref _writing, first.Count);
        try
        {
            await WriteAsync(tenant, first);
        }
        finally
        {
            Interlocked.Add(ref _writing, -first.Count);
        }
        foreach (var (written, repeat) in repeats)
        {
            Repeated(written, repeat);
            repeat.Outcome.TrySetResult(null);
        }
    }

    /// <summary>Before a batch's second write of a stream is handed back: what the first one's outcome tells about it (for subclasses).</summary>
    protected virtual void Repeated(TWrite first, TWrite repeat)
    {
    }

    private async Task WriteAsync(string tenant, List<TWrite> writes)
    {
        try
        {
            var sequences = await Retry.ExecuteAsync(static (state, _) => new ValueTask<IReadOnlyList<long>>(state.Self.WriteBatchAsync(state.Tenant, state.Writes)),
                (Self: this, Tenant: tenant, Writes: writes), CancellationToken.None);
            if (writes.Count(w => !w.Outcome.Task.IsCompleted) is > 0 and var written) // less those handed back
                PlatformMetrics.GroupCommitBatchSize.Record(written, _writer);
            for (var i = 0; i < writes.Count; i++) writes[i].Outcome.TrySetResult(sequences[i]);
        }
        catch (Exception e) when (SplitsOn(e) || WriteConflicts.IsDeadlock(e))
        {
            writes = writes.Where(w => !w.Outcome.Task.IsCompleted).ToList(); // less those handed back already
            if (writes.Count == 0) return;
            if (writes.Count == 1)
            {
                writes[0].Outcome.TrySetResult(null);
                return;
            }
            _logger.LogDebug("{Writer}: a batch of {Count} writes was refused by one of them ({Reason}) and is written again in halves",
                Name, writes.Count, e.GetType().Name);
            PlatformMetrics.GroupCommitSplits.Add(1, _writer);
            var half = writes.Count / 2;
            await WriteAsync(tenant, writes.GetRange(0, half));
            await WriteAsync(tenant, writes.GetRange(half, writes.Count - half));
        }
        catch (Exception e) when (DatabaseUnavailable.Is(e))
        {
            _logger.LogWarning("A batch of {Count} writes could not be written: the database is unavailable", writes.Count);
            foreach (var write in writes) write.Outcome.TrySetException(e);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A batch of {Count} writes could not be written", writes.Count);
            foreach (var write in writes) write.Outcome.TrySetException(e);
        }
    }

    /// <summary>One queued write: its city, the stream it starts, the request's idempotency scope if any, and its outcome.</summary>
    public abstract class Write(string tenant, Guid streamId)
    {
        public string Tenant { get; } = tenant;
        public Guid StreamId { get; } = streamId;

        /// <summary>The idempotency scope of the request the write is made for (null without a key): the batch adds its claim.</summary>
        public IdempotencyScope? Scope { get; init; }

        public TaskCompletionSource<long?> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Settings of a group commit (<c>Platform:Supports</c>, <c>Platform:Votes</c>).</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Concurrent batch writers (each holds one connection while it writes).</summary>
    public int Writers { get; set; } = 4;

    /// <summary>At most this many writes in one transaction.</summary>
    public int MaxBatch { get; set; } = 128;

    /// <summary>Writes waiting to be written before new requests wait to queue.</summary>
    public int QueueCapacity { get; set; } = 10_000;
}
