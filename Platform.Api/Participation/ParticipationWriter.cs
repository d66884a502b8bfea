using Microsoft.Extensions.Caching.Memory;
using Platform.Projections.Participation;

namespace Platform.Api.Participation;

/// <summary>
/// The one writer of "one resident, one voice": concern and proposal supports, town-hall votes and consultation
/// answers. Each is a person's own stream about an item (<see cref="PersonalStream"/>), decided by the item's decider
/// on a <see cref="Participation{TItem, TMine}"/> (the item's state and the person's stream) and written with the
/// <see cref="ParticipationGate"/> in its transaction: the gate reads the item's committed <c>OpenToParticipation</c>,
/// which the domain wrote, and fails the write when the item closed meanwhile.
/// <para>
/// Two ways to write, one decision. <b>First participations</b> (a first support, a vote) are decided on the item read
/// from a cache (<see cref="CacheFor"/>, refreshed by every fresh read) and on "no stream yet", and go to a group commit lane
/// (<see cref="Supports"/>, <see cref="Votes"/>): one transaction writes the participations arriving together, each
/// stream started (so a repeat fails on the stream's key), each item's gate queued once. A repeat the lane found (the
/// person's stream holding just a first write, the item open, read in the batch's transaction) is decided on that state
/// with no read of its own. <b>Everything else</b> (a write the lane handed back: a stream with more history, a closed
/// item, a refusal from the cached item; withdrawals, proposal supports
/// while the threshold may be crossed, consultation answers) reads the item and the person's stream afresh, decides,
/// and writes alone, with the gate. A request is answered only after its transaction committed.
/// </para>
/// <para>
/// A keyed request (<c>Idempotency-Key</c>) passes its <see cref="IdempotencyScope"/> in: the claim is added to the
/// transaction of the write (never found through ambient state).
/// </para>
/// </summary>
public sealed class ParticipationWriter(IDocumentStore store, PlatformOptions platform, IMemoryCache cache, LocalViewWrites viewWrites,
    ILoggerFactory loggers) : IHostedService
{
    /// <summary>
    /// How long a cached item decides first participations. Only the path depends on it, never the answer: a refusal is
    /// never taken from the cache, and an item that closed since it was cached is refused by the gate at commit and
    /// decided again on a fresh read, which also refreshes the cache.
    /// </summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The group commit of first supports (settings <c>Platform:Supports</c>).</summary>
    public ParticipationLane Supports { get; } = new("supports", platform.Supports, repeatIsHarmless: true, store, platform.Schema, viewWrites, loggers.CreateLogger<ParticipationLane>());

    /// <summary>The group commit of votes (settings <c>Platform:Votes</c>).</summary>
    public ParticipationLane Votes { get; } = new("votes", platform.Votes, repeatIsHarmless: false, store, platform.Schema, viewWrites, loggers.CreateLogger<ParticipationLane>());

    /// <summary>
    /// Writes one participation. <paramref name="write"/> names the item and streams; <paramref name="decide"/> is the
    /// item's decider applied to the command. Answers the refusal, nothing (a repeat), or the events written.
    /// </summary>
    public async Task<Participated> WriteAsync<TItem, TMine>(ParticipationWrite<TItem, TMine> write, Func<Participation<TItem, TMine>, Decision> decide,
        IdempotencyScope? scope, CancellationToken cancellation) where TItem : class where TMine : class
    {
        if (write.Lane is { } lane)
        {
            var cached = await CachedAsync<TItem>(write.Tenant, write.ItemId, cancellation);
            var first = decide(new Participation<TItem, TMine>(cached, null));
            if (cached is not null && !first.IsRefused && first.Events.Count > 0)
            {
                var pending = new ParticipationLane.Pending(write.Tenant, write.StreamId, typeof(TMine), first.Events,
                    new GateCheck(ParticipationGate.Table<TItem>(), write.ItemId, write.Target), write.View) { Scope = scope };
                if (await lane.WriteAsync(pending, cancellation) is { } sequence) return new Participated([], first.Events, sequence, 1);
                // A repeat: the person's stream held exactly what a first write writes while the item was open, both read
                // in the batch's transaction. The decider answers it on that state, with no read of its own.
                if (pending.FoundAt == first.Events.Count && decide(new Participation<TItem, TMine>(cached, Evolution<TMine>.Fold(first.Events))) is var repeat
                    && (repeat.IsRefused || repeat.Events.Count == 0))
                    return repeat.IsRefused ? new Participated(repeat.Errors, [], null, 0) : Participated.Nothing;
            }
        }
        return await DecideAndWriteAsync(write, decide, scope, cancellation);
    }

    /// <summary>Reads the item and the person's stream, decides, and writes alone with the gate (again once the gate refused: the fresh read then says why).</summary>
    private async Task<Participated> DecideAndWriteAsync<TItem, TMine>(ParticipationWrite<TItem, TMine> write,
        Func<Participation<TItem, TMine>, Decision> decide, IdempotencyScope? scope, CancellationToken cancellation) where TItem : class where TMine : class
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession(write.Tenant);
            var item = await session.LoadAsync<TItem>(write.ItemId, cancellation);
            Remember(write.Tenant, write.ItemId, item);
            var stream = await session.Events.FetchForWriting<TMine>(write.StreamId, cancellation);
            var decision = decide(new Participation<TItem, TMine>(item, stream.Aggregate));
            if (decision.IsRefused) return new Participated(decision.Errors, [], null, 0);
            if (decision.Events.Count == 0) return Participated.Nothing;

            var version = (stream.CurrentVersion ?? 0) + decision.Events.Count;
            stream.AppendMany(decision.Events);
            scope?.AddClaimTo(session);
            using var viewWrite = write.View is null ? null : viewWrites.Begin();
            try
            {
                // A participation needs an item open to it (a withdrawal does not: it takes a voice back). The gate runs
                // in the write's transaction, which holds its shared lock until the commit; it runs on its own here, as
                // a statement queued in the batch would shift the results of the store's own statements after it.
                if (write.Gated) await GateAsync(session, ParticipationGate.Table<TItem>(), write.ItemId, write.Target, cancellation);
                if (write.BeforeCommit is not null) await write.BeforeCommit(session, item, cancellation);
                // Lost to the same person's other write of the stream (a repeat racing): that write is the one that counts.
                if (await StreamWrite.CommitAsync(session, LostRace, cancellation) is not null)
                    return write.Lost is { } lost ? new Participated([lost], [], null, 0) : Participated.Nothing;
            }
            catch (Exception e) when (ParticipationGate.Refused(e) && attempt < 2)
            {
                continue; // the item closed after it was read: read again, and the decider says why
            }
            if (scope is not null) scope.Claimed = true;
            var sequence = stream.Events[^1].Sequence;
            if (write.View is { } view) viewWrite!.Committed(view with { Sequence = sequence });
            return new Participated([], decision.Events, sequence, version);
        }
    }

    private async Task GateAsync(IDocumentSession session, string table, Guid item, Guid target, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        await using var gate = new NpgsqlCommand($"select {platform.Schema}.{ParticipationGate.FunctionName}($1, $2, $3, $4)", (NpgsqlConnection)session.Connection!);
        gate.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        gate.Parameters.Add(new NpgsqlParameter { Value = table });
        gate.Parameters.Add(new NpgsqlParameter { Value = item });
        gate.Parameters.Add(new NpgsqlParameter { Value = target });
        await gate.ExecuteNonQueryAsync(cancellation);
    }

    private static readonly DomainError LostRace = DomainError.Conflict("participation-changed", "The participation changed meanwhile.");

    private async Task<TItem?> CachedAsync<TItem>(string tenant, Guid id, CancellationToken cancellation) where TItem : class
    {
        if (cache.TryGetValue(Key<TItem>(tenant, id), out TItem? cached) && cached is not null) return cached;
        await using var session = store.QuerySession(tenant);
        var item = await session.LoadAsync<TItem>(id, cancellation);
        Remember(tenant, id, item);
        return item;
    }

    /// <summary>Keeps the item as last read for the fast path (a fresh read of the general path replaces an older one).</summary>
    private void Remember<TItem>(string tenant, Guid id, TItem? item) where TItem : class
    {
        if (item is not null) cache.Set(Key<TItem>(tenant, id), item, CacheFor);
        else cache.Remove(Key<TItem>(tenant, id));
    }

    private static (string, Type, string, Guid) Key<TItem>(string tenant, Guid id) => (nameof(ParticipationWriter), typeof(TItem), tenant, id);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Supports.StartAsync(cancellationToken);
        await Votes.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Supports.StopAsync(cancellationToken), Votes.StopAsync(cancellationToken));
}

/// <summary>
/// What the writer needs to know of one participation besides its decision: the city, the item and the person's
/// stream, the <paramref name="Target"/> the item must be open to (its <c>OpenToParticipation</c>: the item itself, or a
/// town hall's poll), the lane of its first write (none: always read first), the live view it changes, and what a
/// lost race answers.
/// </summary>
public sealed record ParticipationWrite<TItem, TMine>(string Tenant, Guid ItemId, Guid StreamId, Guid Target)
    where TItem : class where TMine : class
{
    /// <summary>The group commit lane that writes first participations without reading first; null to read first always.</summary>
    public ParticipationLane? Lane { get; init; }

    /// <summary>Whether the gate guards the write (a participation); false for a withdrawal.</summary>
    public bool Gated { get; init; } = true;

    /// <summary>The refusal when the same person's other write of the stream won a race; null answers "nothing changed".</summary>
    public DomainError? Lost { get; init; }

    /// <summary>The live view the write changes (its sequence is filled in), told to <see cref="LocalViewWrites"/> once committed.</summary>
    public ViewChange? View { get; init; }

    /// <summary>Work in the write's transaction after the append (a proposal's threshold).</summary>
    public Func<IDocumentSession, TItem?, CancellationToken, Task>? BeforeCommit { get; init; }
}

/// <summary>
/// What a participation write did: refused (<see cref="Errors"/>), nothing (a repeat), or <see cref="Events"/> written,
/// the last at event <see cref="Sequence"/>, leaving the person's stream at <see cref="Version"/>.
/// </summary>
public sealed record Participated(IReadOnlyList<DomainError> Errors, IReadOnlyList<object> Events, long? Sequence, long Version)
{
    public static readonly Participated Nothing = new([], [], null, 0);

    public bool IsRefused => Errors.Count > 0;
    public bool Changed => Events.Count > 0;
    public IResult Problem => Problems.Result(Errors);

    /// <summary>As the write path's common answer (for pages: <c>CityPageModel.ShowAnswerAsync</c>).</summary>
    public Written Written => new(Errors, Sequence);

    /// <summary>For a page: the refusal as problem details, or 204 (the page redirects with its confirmation).</summary>
    public IResult PageAnswer => IsRefused ? Problem : Results.NoContent();
}

/// <summary>One gate statement: the item's snapshot table, the item, and the id it must be open to.</summary>
public sealed record GateCheck(string Table, Guid Item, Guid OpenTo);

/// <summary>
/// A group commit lane of first participations (see <see cref="GroupCommit{TWrite}"/>): one transaction starts one
/// stream per person, queues each item's <see cref="ParticipationGate"/> once, and carries each write's idempotency
/// claim; the tallies are updated by their inline projections. A write refused by its stream's key (a repeat) or by the
/// gate (the item closed) is handed back (null), and the writer reads and decides. Writes that change a live view are
/// one tracked write of <see cref="LocalViewWrites"/> per batch.
/// </summary>
/// <param name="repeatIsHarmless">Whether a batch whose outcome is unknown may be written again (see <see cref="GroupCommit{TWrite}.RepeatIsHarmless"/>):
/// true for supports (a repeat reads as "supported"), false for votes (a repeat would read as "already voted").</param>
public sealed class ParticipationLane(string name, GroupCommitOptions options, bool repeatIsHarmless, IDocumentStore store, string schema,
    LocalViewWrites viewWrites, ILogger logger) : GroupCommit<ParticipationLane.Pending>(options, logger, name)
{
    /// <summary>Writes the participation; answers its event sequence, or null when the writer must read and decide.</summary>
    public Task<long?> WriteAsync(Pending write, CancellationToken cancellation) => SubmitAsync(write, cancellation);

    protected override async Task<IReadOnlyList<long>> WriteBatchAsync(string tenant, IReadOnlyList<Pending> batch)
    {
        await using var session = store.LightweightSession(tenant);
        await session.BeginTransactionAsync(CancellationToken.None);
        // A write answered already (handed back by an earlier try of this batch) is not the batch's any more.
        var writes = await WithoutRefusedAsync(session, tenant, batch.Where(w => !w.Outcome.Task.IsCompleted).ToList());
        if (writes.Count == 0) return new long[batch.Count];
        var streams = writes.Select(w => session.Events.StartStream(w.StreamType, w.StreamId, [.. w.Events])).ToList();
        foreach (var write in writes) write.Scope?.AddClaimTo(session);
        using var viewWrite = writes.Any(w => w.View is not null) ? viewWrites.Begin() : null;
        await session.SaveChangesAsync(CancellationToken.None);
        foreach (var write in writes)
            if (write.Scope is { } scope) scope.Claimed = true;
        var sequences = streams.Select(s => s.Events[^1].Sequence).ToList();
        foreach (var view in writes.Select((w, i) => (w.View, Sequence: sequences[i])).Where(v => v.View is not null).GroupBy(v => (v.View!.View, v.View.Id)))
            viewWrite!.Committed(view.First().View! with { Sequence = view.Max(v => v.Sequence) });
        var written = writes.Select((w, i) => (w, i)).ToDictionary(x => x.w, x => sequences[x.i]);
        return [.. batch.Select(w => written.GetValueOrDefault(w))]; // a handed-back write's place is never read: it is answered
    }

    /// <summary>
    /// Hands back (answers null, at once) the writes the transaction would refuse: a person's stream that exists
    /// already (a repeat), an item no longer open (the gate, whose shared lock is then held until the commit).
    /// Both are read in the batch's transaction, in one round trip, so that a repeat or a closed item refuses its own
    /// write only. What a concurrent transaction commits after this read still fails the batch on its key, which is
    /// then split (<see cref="GroupCommit{TWrite}"/>): the rare case of two writes of one stream racing.
    /// </summary>
    private async Task<List<Pending>> WithoutRefusedAsync(IDocumentSession session, string tenant, List<Pending> writes)
    {
        if (writes.Count == 0) return writes;
        var gates = writes.Select(w => w.Gate).Distinct().ToList();
        var existing = new Dictionary<Guid, long>();
        var closed = new HashSet<GateCheck>();
        await using (var batch = new NpgsqlBatch((NpgsqlConnection)session.Connection!))
        {
            var streams = new NpgsqlBatchCommand($"select id, version from {schema}.mt_streams where tenant_id = $1 and id = any($2)");
            streams.Parameters.Add(new NpgsqlParameter { Value = tenant });
            streams.Parameters.Add(new NpgsqlParameter { Value = writes.Select(w => w.StreamId).ToArray() });
            var open = new NpgsqlBatchCommand(ParticipationGate.OpenSql(schema));
            open.Parameters.Add(new NpgsqlParameter { Value = tenant });
            open.Parameters.Add(new NpgsqlParameter { Value = gates.Select(g => g.Table).ToArray() });
            open.Parameters.Add(new NpgsqlParameter { Value = gates.Select(g => g.Item).ToArray() });
            open.Parameters.Add(new NpgsqlParameter { Value = gates.Select(g => g.OpenTo).ToArray() });
            batch.BatchCommands.Add(streams);
            batch.BatchCommands.Add(open);
            await using var reader = await batch.ExecuteReaderAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None)) existing.Add(reader.GetGuid(0), reader.GetInt64(1));
            await reader.NextResultAsync(CancellationToken.None);
            while (await reader.ReadAsync(CancellationToken.None)) closed.Add(new GateCheck(reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2)));
        }
        var kept = new List<Pending>(writes.Count);
        foreach (var write in writes)
        {
            if (closed.Contains(write.Gate)) HandBack(write);
            else if (existing.TryGetValue(write.StreamId, out var version)) HandBack(write, version);
            else kept.Add(write);
        }
        if (kept.Count < writes.Count)
            Logger.LogDebug("{Lane}: {Count} of {Batch} writes handed back before their batch (a repeat or a closed item)", Name, writes.Count - kept.Count, writes.Count);
        return kept;
    }

    /// <summary>A repeat: hands the write back with the version its stream was found at, the item open (read in the batch's transaction).</summary>
    private static void HandBack(Pending write, long version)
    {
        write.FoundAt = version;
        HandBack(write);
    }

    /// <summary>
    /// The same stream's second write in a batch, once the first was written or found: its stream is then at the
    /// first's events (or at the version found), the item open, both read in that transaction.
    /// </summary>
    protected override void Repeated(Pending first, Pending repeat)
    {
        if (first.FoundAt is { } found) repeat.FoundAt = found;
        else if (first.Outcome.Task.IsCompletedSuccessfully && first.Outcome.Task.Result is not null) repeat.FoundAt = first.Events.Count;
    }

    protected override bool SplitsOn(Exception exception) => WriteConflicts.IsStreamConflict(exception) || ParticipationGate.Refused(exception);

    protected override bool RepeatIsHarmless => repeatIsHarmless;

    public sealed class Pending(string tenant, Guid streamId, Type streamType, IReadOnlyList<object> events, GateCheck gate, ViewChange? view)
        : Write(tenant, streamId)
    {
        public Type StreamType { get; } = streamType;
        public IReadOnlyList<object> Events { get; } = events;
        public GateCheck Gate { get; } = gate;
        public ViewChange? View { get; } = view;

        /// <summary>
        /// Set when the write is handed back as a repeat: the version of the person's stream, read (or written) in the
        /// batch's transaction while the item was open there. Null for any other hand-back.
        /// </summary>
        public long? FoundAt { get; set; }
    }
}
