
namespace Platform.Api.Infrastructure;

/// <summary>
/// The one write loop of the platform's streams: load the stream's state for writing, ask the decider, append what it
/// decided, commit; a refusal comes back as the decider's errors, and a write that lost a race on the stream (another
/// request committed first) as <c>conflict</c>. Every endpoint and handler that writes a stream goes through here, so
/// the event store's concurrency conflict is caught in one place.
/// </summary>
public static class StreamWrite
{
    /// <summary>
    /// Decides and appends on stream <paramref name="id"/> of <typeparamref name="TState"/>. A decision without events
    /// commits nothing (an idempotent repeat). <paramref name="beforeCommit"/> runs after the append and before the
    /// commit, in the same transaction (a lock, a document written alongside).
    /// </summary>
    public static async Task<Written> DecideAsync<TState>(IDocumentSession session, Guid id, Func<TState?, Decision> decide, DomainError conflict,
        CancellationToken cancellation, Func<IReadOnlyList<object>, Task>? beforeCommit = null) where TState : class
    {
        var stream = await session.Events.FetchForWriting<TState>(id, cancellation);
        var decision = decide(stream.Aggregate);
        if (decision.IsRefused) return new Written(decision.Errors, null);
        if (decision.Events.Count == 0) return Written.Nothing;

        stream.AppendMany(decision.Events);
        if (beforeCommit is not null) await beforeCommit(decision.Events);
        return await CommitAsync(session, conflict, cancellation) is { } lost ? lost : new Written([], stream.Events[^1].Sequence);
    }

    /// <summary>
    /// As the <c>DecideAsync</c> above,
    /// with a write alongside that may refuse: <paramref name="alongside"/> runs before the decision is appended, in the same
    /// transaction (another stream written with this one); when it answers errors, nothing is committed and they are the refusal.
    /// </summary>
    public static async Task<Written> DecideAsync<TState>(IDocumentSession session, Guid id, Func<TState?, Decision> decide, DomainError conflict,
        Func<IReadOnlyList<object>, Task<IReadOnlyList<DomainError>>> alongside, CancellationToken cancellation) where TState : class
    {
        var stream = await session.Events.FetchForWriting<TState>(id, cancellation);
        var decision = decide(stream.Aggregate);
        if (decision.IsRefused) return new Written(decision.Errors, null);
        if (decision.Events.Count == 0) return Written.Nothing;

        if (await alongside(decision.Events) is { Count: > 0 } refused) return new Written(refused, null);
        stream.AppendMany(decision.Events);
        return await CommitAsync(session, conflict, cancellation) is { } lost ? lost : new Written([], stream.Events[^1].Sequence);
    }

    /// <summary>Commits what the session holds; answers null, or the refusal <paramref name="conflict"/> when another write of one of its streams came first.</summary>
    public static async Task<Written?> CommitAsync(IDocumentSession session, DomainError conflict, CancellationToken cancellation)
    {
        try
        {
            await session.SaveChangesAsync(cancellation);
            return null;
        }
        catch (Exception e) when (WriteConflicts.IsStreamConflict(e))
        {
            return new Written([conflict], null);
        }
    }
}

/// <summary>
/// What a <see cref="StreamWrite"/> did: refused (<see cref="Errors"/>), wrote nothing (a repeat), or wrote events,
/// the last of them at <see cref="Sequence"/>.
/// </summary>
public sealed record Written(IReadOnlyList<DomainError> Errors, long? Sequence)
{
    public static readonly Written Nothing = new([], null);

    public bool IsRefused => Errors.Count > 0;

    /// <summary>The refusal as problem details (see <see cref="Problems"/>).</summary>
    public IResult Problem => Problems.Result(Errors);

    /// <summary>An endpoint's answer to the write: the refusal as problem details, or 200 with <paramref name="view"/> read after it.</summary>
    public async Task<IResult> AnswerAsync<T>(Func<Task<T>> view) => IsRefused ? Problem : Results.Ok(await view());
}
