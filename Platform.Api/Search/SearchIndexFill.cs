using Platform.Projections.Search;

namespace Platform.Api.Search;

/// <summary>
/// Items stored before the search index existed are not in it (its projection indexes what is written from then on).
/// At start-up, once, every concern, proposal, commitment and consultation missing from the index is added from its
/// view, which already reflects hiding, redaction, withdrawal and erasure (a masked item, whose author is gone, is
/// added without its text). A second run adds nothing: rows already there are left alone.
/// </summary>
public sealed class SearchIndexFill(IDocumentStore documents, NpgsqlDataSource database, PlatformOptions platform,
    ILogger<SearchIndexFill> logger) : OneTimeMigration(documents, logger)
{
    protected override string Name => "search-index-fill";

    public override async Task<int> MigrateAsync(CancellationToken cancellation)
    {
        var schema = platform.Schema;
        const string empty = "'00000000-0000-0000-0000-000000000000'";
        string Text(string field) => $"case when d.data->>'authorId' = {empty} or d.data->>'redactionReason' is not null then '' else coalesce(d.data->>'{field}', '') end";
        const string rights = "array(select jsonb_array_elements_text(coalesce(d.data->'rights', '[]'::jsonb)))";
        var fills = new[]
        {
            $"select d.tenant_id, d.id, 'concern', {Text("title")}, {Text("description")}, lower(d.data->>'status'), {rights}, coalesce((d.data->>'hidden')::boolean, false), (d.data->>'raisedAt')::timestamptz from {schema}.mt_doc_concernview d",
            $"select d.tenant_id, d.id, 'proposal', {Text("title")}, {Text("description")}, lower(d.data->>'status'), {rights}, false, (d.data->>'submittedAt')::timestamptz from {schema}.mt_doc_proposalview d",
            $"select d.tenant_id, d.id, 'commitment', d.data->>'title', coalesce(d.data->>'description', ''), lower(d.data->>'phase'), {rights}, false, (d.data->>'publishedAt')::timestamptz from {schema}.mt_doc_commitmentview d",
            $"select d.tenant_id, d.id, 'consultation', d.data->>'title', coalesce(d.data->>'description', ''), lower(d.data->>'status'), '{{}}'::text[], false, (d.data->>'draftedAt')::timestamptz from {schema}.mt_doc_consultationview d",
        };
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        var added = 0;
        foreach (var fill in fills)
        {
            await using var command = new NpgsqlCommand(
                $"insert into {schema}.{SearchIndex.TableName} (tenant_id, item_id, kind, title, body, status, rights, hidden, at) {fill} " +
                "on conflict (tenant_id, item_id) do nothing", connection, transaction);
            added += await command.ExecuteNonQueryAsync(cancellation);
        }
        await transaction.CommitAsync(cancellation);
        return added;
    }
}
