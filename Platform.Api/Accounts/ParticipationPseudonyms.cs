using NpgsqlTypes;
using Platform.Domain.Concerns;
using Platform.Projections.Consultations;

namespace Platform.Api.Accounts;

/// <summary>
/// Supports, votes and consultation answers given before they were stored under the participant's pseudonym name the
/// account in their events (<c>residentId</c>) and in their stream ids (<see cref="PersonalStream"/> of item and account).
/// At start-up every such stream moves to the id it has under the pseudonym, its events name the pseudonym, and the
/// consultation tally's answer rows follow; counts, versions and sequences stay as they were. One transaction, under an
/// advisory lock, so two nodes starting together move each stream once. An account id is never a pseudonym, so a second
/// run finds nothing.
/// </summary>
public sealed class ParticipationPseudonyms(IDocumentStore documents, NpgsqlDataSource database, PlatformOptions platform, Pseudonyms pseudonyms,
    ILogger<ParticipationPseudonyms> logger) : OneTimeMigration(documents, logger)
{
    /// <summary>The event types that carry a participant in <c>residentId</c>, with the field naming the item their stream is keyed by.</summary>
    private static readonly (string Type, string ItemField)[] Participations =
    [
        ("concern_supported", "concernId"), ("concern_support_withdrawn", "concernId"),
        ("proposal_supported", "proposalId"), ("proposal_support_withdrawn", "proposalId"),
        ("town_hall_vote_cast", "pollId"), ("consultation_response_submitted", "consultationId"),
    ];

    /// <summary>Any fixed number serves as the advisory lock's key, as long as nothing else uses it.</summary>
    private const long LockKey = 0x5053_4555_444F; // "PSEUDO"

    protected override string Name => "participation-under-pseudonyms";

    /// <summary>Moves every participation stream still keyed by an account; answers how many streams moved.</summary>
    public override async Task<int> MigrateAsync(CancellationToken cancellation)
    {
        var schema = platform.Schema;
        await using var connection = await database.OpenConnectionAsync(cancellation);
        await using var transaction = await connection.BeginTransactionAsync(cancellation);
        await Execute(connection, $"select pg_advisory_xact_lock({LockKey})", cancellation);

        var item = string.Join(" ", Participations.Select(p => $"when '{p.Type}' then e.data ->> '{p.ItemField}'"));
        var moves = new List<(string City, Guid From, Guid To, Guid Account, Guid Participant)>();
        await using (var query = new NpgsqlCommand(
            $"select distinct on (e.tenant_id, e.stream_id) e.tenant_id, e.stream_id, (e.data ->> 'residentId')::uuid, (case e.type {item} end)::uuid " +
            $"from {schema}.mt_events e where e.type = any(@types) " +
            $"and exists (select 1 from {schema}.mt_doc_account a where a.id = (e.data ->> 'residentId')::uuid)", connection, transaction))
        {
            query.Parameters.AddWithValue("types", Participations.Select(p => p.Type).ToArray());
            await using var reader = await query.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var (city, stream, account, itemId) = (reader.GetString(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetGuid(3));
                if (stream != PersonalStream.Id(itemId, account)) continue; // not a stream this rule named: left as it is
                var participant = pseudonyms.Of(account);
                moves.Add((city, stream, PersonalStream.Id(itemId, participant), account, participant));
            }
        }
        if (moves.Count == 0) return 0;

        await Execute(connection, "create temporary table participation_moves " +
            "(tenant_id varchar, from_id uuid, to_id uuid, account uuid, participant uuid) on commit drop", cancellation);
        await using (var import = await connection.BeginBinaryImportAsync(
            "copy participation_moves (tenant_id, from_id, to_id, account, participant) from stdin (format binary)", cancellation))
        {
            foreach (var move in moves)
            {
                await import.StartRowAsync(cancellation);
                await import.WriteAsync(move.City, NpgsqlDbType.Varchar, cancellation);
                await import.WriteAsync(move.From, NpgsqlDbType.Uuid, cancellation);
                await import.WriteAsync(move.To, NpgsqlDbType.Uuid, cancellation);
                await import.WriteAsync(move.Account, NpgsqlDbType.Uuid, cancellation);
                await import.WriteAsync(move.Participant, NpgsqlDbType.Uuid, cancellation);
            }
            await import.CompleteAsync(cancellation);
        }

        // The stream row is copied under its new id (every column but the id, whatever the store's version keeps there),
        // its events re-pointed and re-named, the old row deleted: the events' foreign key holds at every step.
        var columns = await StreamColumnsAsync(connection, transaction, cancellation);
        await Execute(connection,
            $"insert into {schema}.mt_streams (id, {columns}) select m.to_id, {string.Join(", ", columns.Split(", ").Select(c => "s." + c))} " +
            $"from {schema}.mt_streams s join participation_moves m on s.tenant_id = m.tenant_id and s.id = m.from_id", cancellation);
        await Execute(connection,
            $"update {schema}.mt_events e set stream_id = m.to_id, data = jsonb_set(e.data, '{{residentId}}', to_jsonb(m.participant::text)) " +
            "from participation_moves m where e.tenant_id = m.tenant_id and e.stream_id = m.from_id", cancellation);
        await Execute(connection,
            $"delete from {schema}.mt_streams s using participation_moves m where s.tenant_id = m.tenant_id and s.id = m.from_id", cancellation);
        await Execute(connection,
            $"update {schema}.{ConsultationTally.ResponsesTable} r set resident_id = m.participant " +
            "from (select distinct tenant_id, account, participant from participation_moves) m " +
            "where r.tenant_id = m.tenant_id and r.resident_id = m.account", cancellation);
        await transaction.CommitAsync(cancellation);
        return moves.Count;
    }

    private async Task<string> StreamColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(
            "select string_agg(quote_ident(column_name), ', ' order by ordinal_position) from information_schema.columns " +
            "where table_schema = @schema and table_name = 'mt_streams' and column_name <> 'id'", connection, transaction);
        command.Parameters.AddWithValue("schema", platform.Schema);
        return (string)(await command.ExecuteScalarAsync(cancellation))!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
