using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Api.Accounts;

/// <summary>
/// Anonymous concerns raised before they were stored under their author's pseudonym still name the author's account id
/// in their <see cref="ConcernRaised"/> event. At start-up, every such event is rewritten to the pseudonym and the
/// concern's views are built again, so no anonymous concern keeps an account id. An account id is never a pseudonym,
/// so a second run finds nothing (new anonymous concerns are stored under pseudonyms from the start).
/// </summary>
public sealed class AnonymousAuthors(IDocumentStore documents, NpgsqlDataSource database, PlatformOptions platform, Pseudonyms pseudonyms,
    ILogger<AnonymousAuthors> logger) : OneTimeMigration(documents, logger)
{
    protected override string Name => "anonymous-authors-under-pseudonyms";

    /// <summary>Rewrites every anonymous concern still stored under an account id; answers how many.</summary>
    public override async Task<int> MigrateAsync(CancellationToken cancellation)
    {
        var events = $"{platform.Schema}.mt_events";
        var found = new List<(long Sequence, string City, Guid Concern, Guid Author)>();
        await using (var query = database.CreateCommand(
            $"select e.seq_id, e.tenant_id, e.stream_id, (e.data ->> 'authorId')::uuid from {events} e " +
            $"where e.type = 'concern_raised' and (e.data ->> 'anonymous')::boolean " +
            $"and exists (select 1 from {platform.Schema}.mt_doc_account a where a.id = (e.data ->> 'authorId')::uuid)"))
        await using (var reader = await query.ExecuteReaderAsync(cancellation))
            while (await reader.ReadAsync(cancellation))
                found.Add((reader.GetInt64(0), reader.GetString(1), reader.GetGuid(2), reader.GetGuid(3)));

        foreach (var (sequence, city, concern, author) in found)
        {
            await using (var update = database.CreateCommand(
                $"update {events} set data = jsonb_set(data, '{{authorId}}', to_jsonb($1::text)) where seq_id = $2 and data ->> 'authorId' = $3"))
            {
                update.Parameters.Add(new NpgsqlParameter { Value = pseudonyms.Of(author).ToString() });
                update.Parameters.Add(new NpgsqlParameter { Value = sequence });
                update.Parameters.Add(new NpgsqlParameter { Value = author.ToString() });
                await update.ExecuteNonQueryAsync(cancellation);
            }
            await Store.Advanced.RebuildSingleStreamAsync<ConcernView>(concern, city, cancellation);
            await Store.Advanced.RebuildSingleStreamAsync<Concern>(concern, city, cancellation);
        }
        return found.Count;
    }
}
