using Microsoft.Extensions.Caching.Memory;

namespace Platform.Api.Accounts;

/// <summary>
/// Loads accounts for authorization, with a short cache so that a burst of requests by one person
/// costs one read. A cached account is dropped as soon as <see cref="RoleChangeLog"/> knows of a role
/// change since it was read: at once on the node that made the change, within about a second on others.
/// <para>
/// Reads are batched: while one read is in flight, the accounts other requests ask for are collected and
/// then read together with one query (at most <see cref="MaxBatch"/> a query). Under load, when each request
/// comes from a different resident (a popular concern collecting supports), this turns one query per request
/// into one query per batch; alone, a request costs the same single read as before.
/// </para>
/// </summary>
public sealed class AccountDirectory(IDocumentStore store, IMemoryCache cache, RoleChangeLog roleChanges, TimeProvider clock, ILogger<AccountDirectory> logger)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private const int MaxBatch = 256;

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, TaskCompletionSource<Account?>> _waiting = [];
    private bool _reading;

    public Task<Account?> FindAsync(Guid id, CancellationToken cancellation)
    {
        if (cache.TryGetValue(Key(id), out Cached? cached) && cached is not null && !roleChanges.ChangedSince(id, cached.ReadAt))
            return Task.FromResult(cached.Account);
        TaskCompletionSource<Account?> outcome;
        var startReader = false;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(id, out outcome!))
                _waiting[id] = outcome = new TaskCompletionSource<Account?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_reading) _reading = startReader = true;
        }
        if (startReader) _ = Task.Run(ReadWaitingAsync, CancellationToken.None);
        return outcome.Task.WaitAsync(cancellation);
    }

    /// <summary>
    /// Ends every sign-in of the account issued until now and stores it in the session (with whatever else the caller
    /// changed on it); once the caller committed, <see cref="RolesChanged"/> makes this node refuse the old tickets at
    /// once, the others within a poll (<see cref="RoleChangeLog"/>).
    /// </summary>
    public void EndSignIns(Marten.IDocumentSession session, Account account)
    {
        StampRoleChange(account);
        account.SignInsValidFrom = account.RolesChangedAt;
        session.Store(account);
    }

    /// <summary>Drops this node's copy of an account that is gone.</summary>
    public void Forget(Guid id) => cache.Remove(Key(id));

    /// <summary>Stamps a role change on the account, before it is stored.</summary>
    public void StampRoleChange(Account account) => account.RolesChangedAt = clock.GetUtcNow();

    /// <summary>After a role change committed: this node drops its copy and stops trusting older tickets of the account at once.</summary>
    public void RolesChanged(Account account)
    {
        cache.Remove(Key(account.Id));
        roleChanges.Record(account.Id, account.RolesChangedAt);
    }

    /// <summary>Reads the waiting accounts in batches until none waits; only one reader runs at a time.</summary>
    private async Task ReadWaitingAsync()
    {
        while (true)
        {
            List<KeyValuePair<Guid, TaskCompletionSource<Account?>>> batch;
            lock (_gate)
            {
                if (_waiting.Count == 0)
                {
                    _reading = false;
                    return;
                }
                batch = _waiting.Take(MaxBatch).ToList();
                foreach (var (id, _) in batch) _waiting.Remove(id);
            }
            try
            {
                await using var session = store.QuerySession();
                var found = (await session.LoadManyAsync<Account>(CancellationToken.None, batch.Select(b => b.Key).ToArray()))
                    .ToDictionary(a => a.Id);
                var readAt = clock.GetUtcNow();
                foreach (var (id, outcome) in batch)
                {
                    var account = found.GetValueOrDefault(id);
                    cache.Set(Key(id), new Cached(account, readAt), CacheFor);
                    outcome.TrySetResult(account);
                }
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reading {Count} accounts failed", batch.Count);
                foreach (var (_, outcome) in batch) outcome.TrySetException(e);
            }
        }
    }

    private static string Key(Guid id) => $"account:{id:N}";

    /// <summary>An account as read at <paramref name="ReadAt"/>: stale once a role change of it is known from then on.</summary>
    private sealed record Cached(Account? Account, DateTimeOffset ReadAt);
}
