using Marten;
using Microsoft.Extensions.Caching.Memory;

namespace Platform.Api.Accounts;

/// <summary>
/// Loads accounts for authorization, with a short cache so that a burst of requests by one person
/// costs one read. Role changes made on this node are seen at once; on other nodes within
/// <see cref="CacheFor"/>.
/// </summary>
public sealed class AccountDirectory(IDocumentStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public async Task<Account?> FindAsync(Guid id, CancellationToken cancellation)
    {
        if (cache.TryGetValue(Key(id), out Account? cached)) return cached;
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<Account>(id, cancellation);
        cache.Set(Key(id), account, CacheFor);
        return account;
    }

    public void Forget(Guid id) => cache.Remove(Key(id));

    private static string Key(Guid id) => $"account:{id:N}";
}
