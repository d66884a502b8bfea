using Platform.Api.Commitments;
using Platform.Domain.Concerns;
using Platform.Projections.Commitments;
using Platform.Projections.Concerns;

namespace Platform.Api.Following;

/// <summary>
/// What a resident follows, computed when asked: their explicit follows, plus — automatically — every
/// commitment linked to a concern they support now, unless they stopped following it. Computing the
/// automatic part at read time keeps the support path untouched (a support writes only its own stream
/// and tally) and is exact by construction: supporting later, withdrawing, or a link made after the
/// support all show at the next read. Per city the resident belongs to it costs one query for the
/// concerns that have commitments, one index look-up of the resident's support streams of those concerns
/// (their ids are derived from concern and the resident's pseudonym, <see cref="PersonalStream"/>), and one load of the
/// followed views.
/// </summary>
public sealed class FollowingReader(IDocumentStore store, NpgsqlDataSource database, PlatformOptions platform, Accounts.Pseudonyms pseudonyms, TimeProvider clock)
{
    /// <summary>What the signed-in <paramref name="user"/> follows, in every city where they hold a role, latest change first.</summary>
    public Task<IReadOnlyList<FollowedItem>> MineAsync(ClaimsPrincipal user, CancellationToken cancellation) =>
        ListAsync(user.AccountId(), user.Claims.Where(c => c.Type == PlatformClaims.CityRoleClaim).Select(c => c.Value.Split(':')[0]).Distinct(), cancellation);

    public async Task<IReadOnlyList<FollowedItem>> ListAsync(Guid residentId, IEnumerable<string> cities, CancellationToken cancellation)
    {
        await using var any = store.QuerySession();
        var explicitFollows = await any.Query<Follow>().Where(f => f.AnyTenant() && f.ResidentId == residentId).ToListAsync(cancellation);
        var participant = pseudonyms.Of(residentId); // supports are stored under it
        var items = new List<FollowedItem>();
        foreach (var city in cities.Union(explicitFollows.Select(f => f.City)).Distinct().Order(StringComparer.Ordinal))
        {
            var mine = explicitFollows.Where(f => f.City == city).ToList();
            await using var session = store.QuerySession(city);
            var automatic = await SupportedConcernCommitmentsAsync(session, city, participant, cancellation);
            var concerns = mine.Where(f => f is { Kind: FollowedKind.Concern, Following: true }).Select(f => f.ItemId).ToList();
            var stopped = mine.Where(f => f is { Kind: FollowedKind.Commitment, Following: false }).Select(f => f.ItemId).ToHashSet();
            var chosen = mine.Where(f => f is { Kind: FollowedKind.Commitment, Following: true }).Select(f => f.ItemId).ToHashSet();
            var commitments = chosen.Union(automatic.Where(c => !stopped.Contains(c))).ToList();

            if (concerns.Count > 0)
                foreach (var v in (await session.LoadManyAsync<ConcernView>(cancellation, concerns)).Where(v => !v.Hidden)) // withheld from the public
                    items.Add(new FollowedItem(FollowedKind.Concern, city, v.Id, v.Title, Name(v.Status.ToString()), new LatestChange(Name(v.Status.ToString()), v.UpdatedAt),
                        $"/api/cities/{city}/concerns/{v.Id}", Automatic: false));
            if (commitments.Count > 0)
            {
                var views = await session.LoadManyAsync<CommitmentView>(cancellation, commitments);
                var ids = views.Select(v => v.Id).ToArray();
                var children = (await session.Query<CommitmentView>().Where(c => c.ParentId != null && ids.Contains(c.ParentId.Value)).ToListAsync(cancellation))
                    .ToLookup(c => c.ParentId!.Value);
                var now = clock.GetUtcNow();
                foreach (var v in views)
                {
                    var details = CommitmentReader.Details(city, v, children[v.Id].ToList(), now, withTimeline: false);
                    var last = v.Timeline[^1];
                    items.Add(new FollowedItem(FollowedKind.Commitment, city, v.Id, v.Title, Name(details.Status.ToString()), new LatestChange(last.Kind, last.At),
                        $"/api/cities/{city}/commitments/{v.Id}", Automatic: !chosen.Contains(v.Id)));
                }
            }
        }
        return items.OrderByDescending(i => i.LatestChange.At).ToList();
    }

    /// <summary>Commitments linked to concerns of the city the resident supports now.</summary>
    private async Task<IReadOnlyCollection<Guid>> SupportedConcernCommitmentsAsync(IQuerySession session, string city, Guid participant, CancellationToken cancellation)
    {
        var linked = await session.Query<ConcernView>().Where(c => c.Commitments.Any()).ToListAsync(cancellation);
        if (linked.Count == 0) return [];
        var byStream = linked.ToDictionary(c => PersonalStream.Id(c.Id, participant));

        // The last event of each of the resident's support streams says whether the support stands.
        await using var command = database.CreateCommand(
            $"select distinct on (stream_id) stream_id, type from {platform.Schema}.mt_events " +
            "where tenant_id = @city and stream_id = any(@streams) order by stream_id, version desc");
        command.Parameters.AddWithValue("city", city);
        command.Parameters.AddWithValue("streams", byStream.Keys.ToArray());
        var commitments = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            if (reader.GetString(1) == SupportedType)
                commitments.UnionWith(byStream[reader.GetGuid(0)].Commitments);
        return commitments;
    }

    /// <summary>Marten's name for <see cref="ConcernSupported"/> events in the event table.</summary>
    private const string SupportedType = "concern_supported";

    private static string Name(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];
}

/// <summary>
/// Something the resident follows, with its current status and latest change. <paramref name="Automatic"/>:
/// followed because the resident supports a concern the commitment answers (DELETE on its follow stops it).
/// </summary>
public sealed record FollowedItem(FollowedKind Kind, string City, Guid Id, string Title, string Status, LatestChange LatestChange, string Href, bool Automatic);

/// <summary>The item's latest change: for a commitment its last timeline entry, for a concern the status it moved to.</summary>
public sealed record LatestChange(string Kind, DateTimeOffset At);
