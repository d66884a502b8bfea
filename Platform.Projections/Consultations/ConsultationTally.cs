using Platform.Domain.Consultations;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Projections.Consultations;

/// <summary>
/// The tables behind consultation results, written only by <see cref="ConsultationTallyProjection"/>
/// in the transaction that appends each response.
/// <list type="bullet">
/// <item><c>consultation_tally</c>: counts per (question, option), spread over shard rows per consultation so
/// that residents answering at once rarely wait on the same row lock. The participation count is the
/// row with an empty question id; a scale question counts each value 1-5 as an option; every question
/// counts the residents who answered it under the empty option.</item>
/// <item><c>consultation_responses</c>: each resident's current contribution to those counts (so an
/// amendment can take the earlier one back exactly) and free-text answers (shown to officials).</item>
/// </list>
/// </summary>
public static class ConsultationTally
{
    public const string TallyTable = "consultation_tally";
    public const string ResponsesTable = "consultation_responses";

    /// <summary>Rows per (consultation, question, option). Reads sum this many rows at most.</summary>
    public const int Shards = 16;

    /// <summary>The question id of the participation row.</summary>
    public const string Participation = "";

    /// <summary>The option under which each question counts the residents who answered it (options are never empty).</summary>
    public const string Answered = "";

    public static Table Tally(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TallyTable, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("consultation_id").AsPrimaryKey();
        table.AddColumn<string>("question_id").AsPrimaryKey();
        table.AddColumn<string>("option").AsPrimaryKey();
        table.AddColumn<int>("shard").AsPrimaryKey();
        table.AddColumn<long>("responses").NotNull().DefaultValue(0);
        table.AddColumn<long>("last_sequence").NotNull().DefaultValue(0);
        return table;
    }

    public static Table Responses(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, ResponsesTable, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("consultation_id").AsPrimaryKey();
        table.AddColumn<Guid>("resident_id").AsPrimaryKey();
        table.AddColumn("contributions", "jsonb").NotNull();
        table.AddColumn("texts", "jsonb").NotNull();
        table.AddColumn("submitted_at", "timestamptz").NotNull();
        table.AddColumn<long>("last_sequence").NotNull().DefaultValue(0);
        return table;
    }

    public static int ShardOf(Guid residentId) => (int)((uint)residentId.GetHashCode() % Shards);

    /// <summary>The (question, option) counters one response adds 1 to, participation included.</summary>
    public static IEnumerable<(string Question, string Option)> ContributionsOf(IEnumerable<ConsultationAnswer> answers)
    {
        yield return (Participation, "");
        foreach (var a in answers)
        {
            yield return (a.QuestionId, Answered);
            if (a.Scale is { } value) yield return (a.QuestionId, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            else foreach (var choice in a.Choices.Distinct(StringComparer.Ordinal)) yield return (a.QuestionId, choice);
        }
    }
}
