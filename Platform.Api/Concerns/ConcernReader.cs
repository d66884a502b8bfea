using System.Text;
using Marten.Pagination;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// Reads concern views with their support counts. One concern: one document load and one tally query.
/// A list: one SQL query that filters, orders (by recency or supports), pages and counts in the database.
/// Used by the HTTP endpoints and the live hub alike, so both show the same thing.
/// </summary>
public sealed class ConcernReader(NpgsqlDataSource database, PlatformOptions platform, Accounts.Pseudonyms pseudonyms, Organisations.OrganisationReader organisations)
{
    /// <summary>
    /// The "concern" live view: the same body as <c>GET .../concerns/{id}</c>. Watchers are the public: a hidden concern's
    /// content is withheld from them, and it cannot be watched anew.
    /// </summary>
    public async Task<LiveView?> LiveAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation)
    {
        if (await LoadAsync(session, city, id, cancellation) is not { } concern) return null;
        var hidden = concern.Status == Platform.Domain.Concerns.ConcernStatus.Hidden;
        if (hidden) concern = concern with { Title = "", Description = "", Answer = null, DeclineReason = null, ResolutionNote = null, District = null, Contest = null };
        return new LiveView(Platform.Projections.Concerns.ConcernLiveRoute.View, city, id, concern.Version, concern) { Withheld = hidden };
    }

    // The documents' stored JSON (camelCase, enums as names). Not Marten's serializer: taking the store here
    // would make the store's own construction depend on this reader (through the live-view subscription).
    private static readonly System.Text.Json.JsonSerializerOptions StoredJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly string _tally = $"{platform.Schema}.{SupportTally.TableName}";
    private readonly string _views = $"{platform.Schema}.mt_doc_concernview";

    /// <summary>
    /// One concern as <paramref name="user"/> may see it: null when it does not exist, or when it is hidden and the user
    /// is not one of the city's officials or moderators (<see cref="ConcernQuery.MaySeeHidden"/>).
    /// </summary>
    public async Task<ConcernDetails?> FindAsync(IQuerySession session, string city, Guid id, ClaimsPrincipal user, CancellationToken cancellation) =>
        await LoadAsync(session, city, id, cancellation, Caller(user)) is { } concern
        && (concern.Status != ConcernStatus.Hidden || ConcernQuery.MaySeeHidden(user, city))
            ? concern
            : null;

    /// <summary>One page of the city's concerns for <paramref name="query"/> (checked already, see <see cref="ConcernQuery.Parse"/>), as <paramref name="user"/> sees them.</summary>
    public async Task<Paged<ConcernDetails>> PageAsync(string city, ConcernQuery query, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var (items, total) = await ListAsync(city, query, Caller(user), cancellation);
        return new Paged<ConcernDetails>(items, query.Page, query.PageSize, total);
    }

    /// <summary>The signed-in caller, who may be the author of some concerns.</summary>
    private static Guid? Caller(ClaimsPrincipal user) => user.IsSignedIn() ? user.AccountId() : null;

    public async Task<ConcernDetails?> LoadAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation, Guid? caller = null)
    {
        var view = await session.LoadAsync<ConcernView>(id, cancellation);
        if (view is null) return null;
        var tallies = await TalliesAsync(city, [id], cancellation);
        return (await organisations.NamedAsync(city, [ToDetails(city, view, tallies.GetValueOrDefault(id), AuthorKeys(caller))], cancellation))[0];
    }

    public async Task<(IReadOnlyList<ConcernDetails> Items, long Total)> ListAsync(string city, ConcernQuery query, Guid? caller, CancellationToken cancellation)
    {
        var filters = new StringBuilder(" where d.tenant_id = $1");
        var parameters = new List<object> { city };
        void Where(string condition, object value)
        {
            parameters.Add(value);
            filters.Append(" and ").Append(condition.Replace("@", "$" + parameters.Count));
        }

        // Asking for hidden concerns includes them (the endpoint checks the caller may see them).
        if (!query.IncludeHidden && query.Status is not ConcernStatus.Hidden) filters.Append(" and coalesce((d.data->>'hidden')::boolean, false) = false");
        if (query.Status is ConcernStatus.Hidden) filters.Append(" and (d.data->>'hidden')::boolean");
        else if (query.Status is { } status) Where("d.data->>'status' = @", status.ToString());
        if (query.Right is { } right) Where("d.data->'rights' ? @", right);
        if (query.SdgTarget is { } target) Where("d.data->'sdgTargets' ? @", target);
        if (query.Group is { } group) Where("d.data->'groups' ? @", group);
        if (query.District is { } district) Where("lower(d.data->>'district') = lower(@)", district);
        // Words, found through the search index (full text, stemmed in the request's language): see docs/search.md.
        if (query.Text is { } text)
        {
            parameters.Add(text);
            filters.Append(" and ").Append(Search.SearchText.Filter(platform.Schema, "d.id", "$1", "$" + parameters.Count));
        }
        // The author's concerns: named ones under their account id, anonymous ones under their pseudonym.
        if (query.Author is { } author) Where("d.data->>'authorId' = any(@)", new[] { author.ToString(), pseudonyms.Of(author).ToString() });

        // The page first (by recency through the view's index on the raising time, or by supports over the city's
        // tallies), then the support counts of its concerns only and the count of all that match: a city's whole list
        // is never materialised, sorted or joined to get one page of it.
        string Raised(string alias) => $"{platform.Schema}.mt_immutable_timestamptz({alias}.data->>'raisedAt')";
        var tallies = $"select item_id, sum(supports)::bigint as supports, max(last_sequence) as last_sequence from {_tally} where tenant_id = $1";
        var sql = new StringBuilder("with page as (select d.id, d.data from ").Append(_views).Append(" d");
        if (query.BySupports) sql.Append($" left join ({tallies} group by item_id) t on t.item_id = d.id");
        sql.Append(filters).Append(query.BySupports
            ? $" order by coalesce(t.supports, 0) desc, {Raised("d")} desc, d.id desc"
            : $" order by {Raised("d")} desc, d.id desc");
        sql.Append($" limit {query.PageSize} offset {Paging.Offset(query.Page, query.PageSize)})");
        sql.Append($" select p.data::text, coalesce(t.supports, 0), coalesce(t.last_sequence, 0), (select count(*) from {_views} d{filters})");
        sql.Append($" from page p left join ({tallies} and item_id in (select id from page) group by item_id) t on t.item_id = p.id");
        sql.Append(query.BySupports
            ? $" order by coalesce(t.supports, 0) desc, {Raised("p")} desc, p.id desc"
            : $" order by {Raised("p")} desc, p.id desc");

        await using var command = database.CreateCommand(sql.ToString());
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var items = new List<ConcernDetails>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var keys = AuthorKeys(caller);
        while (await reader.ReadAsync(cancellation))
        {
            var view = System.Text.Json.JsonSerializer.Deserialize<ConcernView>(reader.GetString(0), StoredJson)!;
            items.Add(ToDetails(city, view, (reader.GetInt64(1), reader.GetInt64(2)), keys));
            total = reader.GetInt64(3);
        }
        if (items.Count == 0 && query.Page > 1) total = await CountAsync(city, query, caller, cancellation);
        return (await organisations.NamedAsync(city, items, cancellation), total);
    }

    private async Task<long> CountAsync(string city, ConcernQuery query, Guid? caller, CancellationToken cancellation)
    {
        var (_, total) = await ListAsync(city, query with { Page = 1, PageSize = 1 }, caller, cancellation);
        return total;
    }


    /// <summary>Who the caller is as an author: their account (named concerns) and their pseudonym (anonymous ones), hashed once a read.</summary>
    private (Guid Account, Guid Pseudonym)? AuthorKeys(Guid? caller) => caller is { } id ? (id, pseudonyms.Of(id)) : null;

    private static ConcernDetails ToDetails(string city, ConcernView v, (long Supports, long Sequence) tally, (Guid Account, Guid Pseudonym)? caller) => new(
        v.Id, city, v.Title, v.Description, v.Rights, v.SdgTargets, v.District,
        v.Hidden ? ConcernStatus.Hidden : v.Status, v.Anonymous, tally.Supports, v.RaisedAt, v.UpdatedAt,
        v.Department, v.ResponseDue, v.Answer, v.AnsweredAt, v.DeclineReason, v.ResolutionNote, v.ClosedAt,
        v.Commitments, caller is { } keys && (keys.Account == v.AuthorId || keys.Pseudonym == v.AuthorId), Math.Max(v.Sequence, tally.Sequence),
        Redacted: v.RedactionReason is not null,
        Contest: new ConcernContestDetails(v.ContestableSince is { } since ? ConcernDecider.ContestableUntil(since) : null, v.Contests, v.Reopens,
            v.ReopenedAt, v.ReopenReason, v.EscalatedAt, v.EscalationReason, v.Finding, v.FindingOutcome, v.FindingRecordedAt),
        // The organisation's name is read beside (OrganisationReader.NamedAsync): it may change after the concern was raised.
        OnBehalf: v.OnBehalfOf is { } organisation ? new Organisations.ConcernOnBehalf(organisation, "", v.OnBehalfOfGroup ?? "") : null)
    {
        Groups = v.Groups,
        AssistedBy = v.AssistedAs,
        AssistedSupports = v.AssistedSupports,
    };

    /// <summary>
    /// The city's escalated concerns for its independent body: those awaiting a finding first (the longest waiting
    /// first), then those with one (the latest first). Hidden concerns leave the queue until a moderator restores them.
    /// </summary>
    public async Task<Paged<ConcernDetails>> EscalationsAsync(IQuerySession session, string city, int page, int pageSize, CancellationToken cancellation)
    {
        var views = await session.Query<ConcernView>()
            .Where(v => v.EscalatedAt != null && !v.Hidden)
            // Descending puts the nulls (no finding yet) first in PostgreSQL, then the latest finding first.
            .OrderByDescending(v => v.FindingRecordedAt)
            .ThenBy(v => v.EscalatedAt)
            .ThenBy(v => v.Id)
            .ToPagedListAsync(page, pageSize, cancellation);
        var tallies = await TalliesAsync(city, views.Select(v => v.Id).ToArray(), cancellation);
        return new Paged<ConcernDetails>(views.Select(v => ToDetails(city, v, tallies.GetValueOrDefault(v.Id), null)).ToList(), page, pageSize,
            views.TotalItemCount);
    }

    private async Task<Dictionary<Guid, (long, long)>> TalliesAsync(string city, Guid[] ids, CancellationToken cancellation)
    {
        var result = new Dictionary<Guid, (long, long)>();
        if (ids.Length == 0) return result;
        await using var command = database.CreateCommand(
            $"select item_id, sum(supports)::bigint, max(last_sequence) from {_tally} where tenant_id = $1 and item_id = any($2) group by item_id");
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            result[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        return result;
    }
}
