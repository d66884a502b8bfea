using Platform.Projections.Concerns;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Projections.TownHalls;

/// <summary>
/// Vote counts per (poll, option), spread over the same shard rows as <see cref="SupportTally"/> so that a
/// burst of votes on one poll rarely waits on one row lock. A count is the sum of its shards. Written
/// only by <see cref="VoteTallyProjection"/>, inside the transaction that appends the vote.
/// </summary>
public static class VoteTally
{
    public const string TableName = "vote_tally";

    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("poll_id").AsPrimaryKey();
        table.AddColumn<int>("option").AsPrimaryKey();
        table.AddColumn<int>("shard").AsPrimaryKey();
        table.AddColumn<long>("votes").NotNull().DefaultValue(0);
        table.AddColumn<long>("last_sequence").NotNull().DefaultValue(0);
        return table;
    }
}
