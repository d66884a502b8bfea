using System.Text.Json;
using Marten.Events.Projections;
using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>
/// Inline projection that counts responses into <see cref="ConsultationTally"/>, in the same
/// transaction as the response event: results are exact and visible right after the write.
/// Each response takes back the resident's earlier contribution (if any) and adds the new one in
/// one statement of atomic upserts, so an amendment replaces the earlier answers, and residents
/// answering at once all count. A resident's own events never race: their response stream's
/// version check lets only one of two concurrent writes commit.
/// </summary>
public partial class ConsultationTallyProjection : EventProjection
{
    private readonly string _countSql;
    private readonly string _rememberSql;

    public ConsultationTallyProjection(string schema)
    {
        var tally = $"{schema}.{ConsultationTally.TallyTable}";
        var responses = $"{schema}.{ConsultationTally.ResponsesTable}";
        // Rows are upserted in (question, option) order so that two transactions never lock the same rows in opposite orders.
        _countSql =
            "with old as (select c.q, c.o from " + responses + " r cross join jsonb_to_recordset(r.contributions) as c(q text, o text) " +
            "where r.tenant_id = ? and r.consultation_id = ? and r.resident_id = ?), " +
            "new as (select c.q, c.o from jsonb_to_recordset(?::jsonb) as c(q text, o text)), " +
            "delta as (select q, o, sum(n)::bigint as n from (select q, o, -1 as n from old union all select q, o, 1 as n from new) x group by q, o) " +
            "insert into " + tally + " as t (tenant_id, consultation_id, question_id, option, shard, responses, last_sequence) " +
            "select ?, ?, q, o, ?, n, ? from delta order by q, o " +
            "on conflict (tenant_id, consultation_id, question_id, option, shard) do update " +
            "set responses = t.responses + excluded.responses, last_sequence = greatest(t.last_sequence, excluded.last_sequence)";
        _rememberSql =
            "insert into " + responses + " (tenant_id, consultation_id, resident_id, contributions, texts, submitted_at, last_sequence) " +
            "values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?) " +
            "on conflict (tenant_id, consultation_id, resident_id) do update set contributions = excluded.contributions, " +
            "texts = excluded.texts, submitted_at = excluded.submitted_at, last_sequence = excluded.last_sequence";
        IncludeType<ConsultationResponseSubmitted>();
        // A rebuild empties both tables first (Marten cannot know what raw SQL writes).
        Options.DeleteDataInTableOnTeardown(tally);
        Options.DeleteDataInTableOnTeardown(responses);
    }

    public override ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        if (e.Data is not ConsultationResponseSubmitted r) return ValueTask.CompletedTask;

        var contributions = JsonSerializer.Serialize(ConsultationTally.ContributionsOf(r.Answers).Select(c => new { q = c.Question, o = c.Option }));
        var texts = JsonSerializer.Serialize(r.Answers.Where(a => a.Text is not null).Select(a => new { q = a.QuestionId, t = a.Text }));
        operations.QueueSqlCommand(_countSql,
            e.TenantId, r.ConsultationId, r.ResidentId, contributions,
            e.TenantId, r.ConsultationId, ConsultationTally.ShardOf(r.ResidentId), e.Sequence);
        operations.QueueSqlCommand(_rememberSql,
            e.TenantId, r.ConsultationId, r.ResidentId, contributions, texts, r.SubmittedAt.ForTimestamptz(), e.Sequence);
        return ValueTask.CompletedTask;
    }
}
