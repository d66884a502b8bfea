using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Projections.Concerns;

/// <summary>
/// Support counts per item, spread over a few shard rows per item so that concurrent supports of one
/// popular item rarely wait on the same row lock. The count of an item is the sum of its shards.
/// Written only by <see cref="SupportTallyProjection"/>, inside the transaction that appends the support.
/// </summary>
public static class SupportTally
{
    public const string TableName = "support_tally";

    /// <summary>Rows per item. More shards, less lock waiting on hot items; reads sum this many rows.</summary>
    public const int Shards = 16;

    public static Table Table(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("tenant_id").AsPrimaryKey();
        table.AddColumn<Guid>("item_id").AsPrimaryKey();
        table.AddColumn<int>("shard").AsPrimaryKey();
        table.AddColumn<long>("supports").NotNull().DefaultValue(0);
        table.AddColumn<long>("last_sequence").NotNull().DefaultValue(0);
        return table;
    }
}
