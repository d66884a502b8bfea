using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Projections.TownHalls;

/// <summary>
/// Vote counts per (poll, option), spread over shard rows so that a burst of votes on one poll rarely waits on
/// one row lock. A count is the sum of its shards. Written only by <see cref="VoteTallyProjection"/>, inside the
/// transaction that appends the vote.
/// </summary>
public static class VoteTally
{
    public const string TableName = "vote_tally";

    /// <summary>
    /// Rows per (poll, option). A transaction holds its row's lock until it commits, a client round trip after the
    /// update, and one that meets a held row waits, then holds it for the next in line. A poll takes all its votes in
    /// minutes, so the rows are many: at 500 votes a second on one poll, 16 rows queued votes behind each other for up
    /// to a second; with 128 a collision is rare. Reads sum at most this many rows per option.
    /// </summary>
    public const int Shards = 128;

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
