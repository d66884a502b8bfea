using Marten;
using Microsoft.Extensions.Caching.Memory;
using Platform.Domain.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>
/// The town hall a vote is decided on, kept for <see cref="CacheFor"/>: a poll collecting hundreds of votes a
/// second reads its town hall once a second instead of once a vote. Safe because the decision is only a first
/// filter: an acceptance is checked again inside the vote's transaction against the committed town hall
/// (<see cref="Projections.TownHalls.PollGate"/>: still open, still this poll), and a poll's options never change
/// once it is open. A refusal is never taken from the cache: the vote endpoint reads afresh and decides again,
/// so a poll opened a moment ago is not refused.
/// </summary>
public sealed class VotingTownHalls(IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(1);

    public async Task<TownHall?> LoadAsync(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        var key = (nameof(VotingTownHalls), session.TenantId, id);
        if (cache.TryGetValue(key, out TownHall? cached) && cached is not null) return cached;
        var townHall = await session.LoadAsync<TownHall>(id, cancellation);
        if (townHall is not null) cache.Set(key, townHall, CacheFor);
        return townHall;
    }
}
