using Marten;
using Npgsql;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Api.Accounts;

/// <summary>
/// Anonymous concerns raised before they were stored under their author's pseudonym still name the author's account id
/// in their <see cref="ConcernRaised"/> event. At start-up, every such event is rewritten to the pseudonym and the
/// concern's views are built again, so no anonymous concern keeps an account id. An account id is never a pseudonym,
/// so a second run finds nothing; once a run completed, a marker document tells later starts to skip the scan of the
/// events (new anonymous concerns are stored under pseudonyms from the start).
/// </summary>
public sealed class AnonymousAuthors(IDocumentStore store, NpgsqlDataSource database, PlatformOptions platform, Pseudonyms pseudonyms,
    ILogger<AnonymousAuthors> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await using (var query = store.QuerySession())
                    if (await query.LoadAsync<AnonymousAuthorsMoved>(AnonymousAuthorsMoved.Id_) is not null) return;
                if (await MigrateAsync(CancellationToken.None) is > 0 and var count)
                    logger.LogInformation("{Count} anonymous concern(s) now stored under their author's pseudonym", count);
                await using var session = store.LightweightSession();
                session.Store(new AnonymousAuthorsMoved());
                await session.SaveChangesAsync();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Anonymous concerns could not be moved to their authors' pseudonyms; the next start tries again");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Rewrites every anonymous concern still stored under an account id; answers how many.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellation)
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
            await store.Advanced.RebuildSingleStreamAsync<ConcernView>(concern, city, cancellation);
            await store.Advanced.RebuildSingleStreamAsync<Concern>(concern, city, cancellation);
        }
        return found.Count;
    }
}

/// <summary>Marks that every anonymous concern stored under an account id was moved to its author's pseudonym.</summary>
public sealed class AnonymousAuthorsMoved
{
    public const string Id_ = "anonymous-authors-moved";
    public string Id { get; set; } = Id_;
}
