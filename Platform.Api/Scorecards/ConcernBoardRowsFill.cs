using Platform.Projections.Scorecards;

namespace Platform.Api.Scorecards;

/// <summary>
/// The board's concerns were stored inside each city's board document until they got a row each
/// (<see cref="ConcernBoardRows"/>, written with the concerns' own events from then on). At start-up, once, the rows
/// are made from the events by the rows' rebuild statement, under a lock that holds off the concerns' writes meanwhile;
/// the events are masked at an erasure, so an erased concern comes back without its title and district as before.
/// </summary>
public sealed class ConcernBoardRowsFill(IDocumentStore documents, NpgsqlDataSource database, PlatformOptions platform, ILogger<ConcernBoardRowsFill> logger)
    : OneTimeMigration(documents, logger)
{
    protected override string Name => "concern-board-rows";

    public override async Task<int> MigrateAsync(CancellationToken cancellation)
    {
        var rows = new ConcernBoardRowsProjection(platform.Schema);
        await Store.RebuildInSqlAsync(rows, cancellation);
        await using var count = database.CreateCommand($"select count(*) from {rows.Table}");
        return (int)(long)(await count.ExecuteScalarAsync(cancellation))!;
    }
}
