using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Projections.Concerns;
using Platform.Projections.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// Reads proposal views with their support counts (from the shared support tally). One proposal: one
/// document load and one tally query. A list: one SQL query that filters, counts, orders and pages in
/// the database. Used by the HTTP endpoints, the threshold check and the live hub alike.
/// </summary>
public sealed class ProposalReader(NpgsqlDataSource database, PlatformOptions platform)
{
    /// <summary>The "proposal" live view: the same body as <c>GET .../proposals/{id}</c>.</summary>
    public async Task<LiveView?> LiveAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation) =>
        await LoadAsync(session, city, id, cancellation) is { } p ? new LiveView(Platform.Projections.Proposals.ProposalLiveRoute.View, city, id, p.Version, p) : null;

    // The documents' stored JSON (camelCase, enums as names); not Marten's serializer, for the same reason
    // as ConcernReader: the store's construction must not depend on a reader the live views use.
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string _tally = $"{platform.Schema}.{SupportTally.TableName}";
    private readonly string _views = $"{platform.Schema}.mt_doc_proposalview";

    /// <summary>One proposal as <paramref name="user"/> sees it (whether it is theirs), or null when it does not exist.</summary>
    public Task<ProposalDetails?> FindAsync(IQuerySession session, string city, Guid id, ClaimsPrincipal user, CancellationToken cancellation) =>
        LoadAsync(session, city, id, cancellation, Caller(user));

    /// <summary>One page of the city's proposals for <paramref name="query"/> (checked already, see <see cref="ProposalQuery.Parse"/>), as <paramref name="user"/> sees them.</summary>
    public async Task<Paged<ProposalDetails>> PageAsync(string city, ProposalQuery query, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var (items, total) = await ListAsync(city, query, Caller(user), cancellation);
        return new Paged<ProposalDetails>(items, query.Page, query.PageSize, total);
    }

    private static Guid? Caller(ClaimsPrincipal user) => user.IsSignedIn() ? user.AccountId() : null;

    public async Task<ProposalDetails?> LoadAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation, Guid? caller = null)
    {
        var view = await session.LoadAsync<ProposalView>(id, cancellation);
        if (view is null) return null;
        return ToDetails(city, view, await TallyAsync(city, id, cancellation), caller);
    }

    /// <summary>How many residents support the proposal now (committed supports only).</summary>
    public async Task<long> SupportsAsync(string city, Guid id, CancellationToken cancellation) =>
        (await TallyAsync(city, id, cancellation)).Supports;

    public async Task<(IReadOnlyList<ProposalDetails> Items, long Total)> ListAsync(string city, ProposalQuery query, Guid? caller, CancellationToken cancellation)
    {
        var sql = new StringBuilder($"""
            select d.data::text, coalesce(t.supports, 0), coalesce(t.last_sequence, 0), count(*) over ()
            from {_views} d
            left join (select item_id, sum(supports)::bigint as supports, max(last_sequence) as last_sequence
                       from {_tally} where tenant_id = $1 group by item_id) t on t.item_id = d.id
            where d.tenant_id = $1
            """);
        var parameters = new List<object> { city };
        void Where(string condition, object value)
        {
            parameters.Add(value);
            sql.Append(" and ").Append(condition.Replace("@", "$" + parameters.Count));
        }

        if (query.Status is { } status) Where("d.data->>'status' = @", status.ToString());
        if (query.Right is { } right) Where("d.data->'rights' ? @", right);
        if (query.SdgTarget is { } target) Where("d.data->'sdgTargets' ? @", target);
        if (query.District is { } district) Where("lower(d.data->>'district') = lower(@)", district);
        // Words, found through the search index (full text, stemmed in the request's language): see docs/search.md.
        if (query.Text is { } text)
        {
            parameters.Add(text);
            sql.Append(" and ").Append(Search.SearchText.Filter(platform.Schema, "d.id", "$1", "$" + parameters.Count));
        }
        sql.Append(query.BySupports
            ? " order by coalesce(t.supports, 0) desc, d.data->>'submittedAt' desc, d.id desc"
            : " order by d.data->>'submittedAt' desc, d.id desc");
        sql.Append($" limit {query.PageSize} offset {Paging.Offset(query.Page, query.PageSize)}");

        await using var command = database.CreateCommand(sql.ToString());
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var items = new List<ProposalDetails>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var view = JsonSerializer.Deserialize<ProposalView>(reader.GetString(0), StoredJson)!;
                items.Add(ToDetails(city, view, (reader.GetInt64(1), reader.GetInt64(2)), caller));
                total = reader.GetInt64(3);
            }
        }
        // A page past the end has no rows to carry the total: count with the first page.
        if (items.Count == 0 && query.Page > 1) (_, total) = await ListAsync(city, query with { Page = 1, PageSize = 1 }, caller, cancellation);
        return (items, total);
    }


    private static ProposalDetails ToDetails(string city, ProposalView v, (long Supports, long Sequence) tally, Guid? caller) => new(
        v.Id, city, v.Title, v.Description, v.Rights, v.SdgTargets, v.District, v.Status, tally.Supports, v.SupportThreshold,
        v.ThresholdReachedAt, v.DecisionDue, v.SubmittedAt, v.UpdatedAt, v.Decision, v.CommitmentId, v.RejectionReason,
        v.DecidedAt, v.WithdrawnAt, caller is { } id && id == v.AuthorId, Math.Max(v.Sequence, tally.Sequence));

    /// <summary>How many residents support the proposal, read on <paramref name="connection"/> (in its transaction).</summary>
    public async Task<long> SupportsAsync(NpgsqlConnection connection, string city, Guid id, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand($"select coalesce(sum(supports), 0)::bigint from {_tally} where tenant_id = $1 and item_id = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return (long)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private async Task<(long Supports, long Sequence)> TallyAsync(string city, Guid id, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"select coalesce(sum(supports), 0)::bigint, coalesce(max(last_sequence), 0) from {_tally} where tenant_id = $1 and item_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
