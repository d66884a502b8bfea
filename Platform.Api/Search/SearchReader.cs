using System.Net;
using System.Text;
using Platform.Projections.Search;

namespace Platform.Api.Search;

/// <summary>
/// Reads the search index (<see cref="SearchIndex"/>) of one city: one SQL query matches, filters, ranks, counts and
/// pages, then builds the highlighted snippets of the page's items only. Used by the API and the search page alike.
/// </summary>
public sealed class SearchReader(NpgsqlDataSource database, PlatformOptions platform)
{
    private readonly string _table = $"{platform.Schema}.{SearchIndex.TableName}";

    /// <summary>One page of what <paramref name="query"/> (checked already, see <see cref="SearchQuery.Parse"/>) finds in <paramref name="city"/>.</summary>
    public async Task<Paged<SearchHit>> PageAsync(string city, SearchQuery query, CancellationToken cancellation)
    {
        var language = SearchIndex.For(query.Language);
        var simple = SearchIndex.Simple;
        var parameters = new List<object> { city, query.Text };
        var filters = new StringBuilder();
        void Where(string condition, object value)
        {
            parameters.Add(value);
            filters.Append(" and ").Append(condition.Replace("@", "$" + parameters.Count));
        }
        if (query.Kind is { } kind) Where("s.kind = @", kind);
        if (query.Right is { } right) Where("@ = any(s.rights)", right);
        if (query.Status is { } status) Where("s.status = @", status);

        // The rank: the better of the stemmed and the unstemmed match (title A above body B). The snippet: the body's best
        // fragments, or the title when the body is empty, marked with two control characters the index never holds.
        var sql = $"""
            with q as (select websearch_to_tsquery('{language.Configuration}', $2) as stemmed, websearch_to_tsquery('simple', $2) as plain),
            hits as (
                select s.kind, s.item_id, s.title, s.body, s.status, s.at,
                       greatest(ts_rank_cd(s.{language.Column}, q.stemmed), ts_rank_cd(s.{simple.Column}, q.plain)) as rank,
                       count(*) over () as total
                from {_table} s, q
                where s.tenant_id = $1 and not s.hidden and s.status <> all(@unlisted)
                  and (s.{language.Column} @@ q.stemmed or s.{simple.Column} @@ q.plain){filters}
                order by rank desc, s.at desc, s.item_id
                limit {query.PageSize} offset {Paging.Offset(query.Page, query.PageSize)})
            select h.kind, h.item_id, h.title, h.status, h.rank, h.total,
                   ts_headline('{language.Configuration}', case when h.body = '' then h.title else h.body end, q.stemmed || q.plain,
                               'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')
            from hits h, q
            order by h.rank desc, h.at desc, h.item_id
            """.Replace("@unlisted", "$" + (parameters.Count + 1));
        parameters.Add(SearchIndex.UnlistedStatuses);

        await using var command = database.CreateCommand(sql);
        foreach (var value in parameters) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var items = new List<SearchHit>();
        long total = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                var hitKind = reader.GetString(0);
                var id = reader.GetGuid(1);
                items.Add(new SearchHit(hitKind, id, reader.GetString(2), Snippet(reader.GetString(6)), reader.GetString(3),
                    Math.Round(reader.GetFloat(4), 6), $"/cities/{city}/{hitKind}s/{id}"));
                total = reader.GetInt64(5);
            }
        }
        if (items.Count == 0 && query.Page > 1)
            total = (await PageAsync(city, query with { Page = 1, PageSize = 1 }, cancellation)).Total;
        return new Paged<SearchHit>(items, query.Page, query.PageSize, total);
    }

    /// <summary>
    /// The snippet as HTML: the item's text escaped, and only the highlight marks as markup. The marks are control
    /// characters the index never stores (<see cref="SearchIndex.MarkStart"/>), so no user text can become one.
    /// </summary>
    public static string Snippet(string marked) =>
        WebUtility.HtmlEncode(marked).Replace(SearchIndex.MarkStart.ToString(), "<mark>").Replace(SearchIndex.MarkEnd.ToString(), "</mark>");
}
