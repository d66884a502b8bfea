using Platform.Domain.Concerns;
using Platform.Projections.Concerns;
using Platform.Projections.Scorecards;

namespace Platform.Api.Scorecards;

/// <summary>
/// Reads a city's concern board for the HTTP endpoint, the city screen and the live hub alike, in two round trips: the
/// city and the board's document (version and time) in one batch, then its open concerns' rows with each one's count
/// from the support tally in one query.
/// </summary>
public sealed class ConcernBoardReader(NpgsqlDataSource database, PlatformOptions platform)
{
    public const int DefaultBoardSize = 50;
    public const int MaxBoardSize = 100;

    private readonly string _rows =
        "select b.concern_id, b.title, b.rights, b.district, b.raised_at, b.status, b.hidden, " +
        $"(select greatest(0, coalesce(sum(t.supports), 0)) from {platform.Schema}.{SupportTally.TableName} t where t.tenant_id = b.tenant_id and t.item_id = b.concern_id) " +
        $"from {platform.Schema}.{ConcernBoardRows.TableName} b where b.tenant_id = $1";

    /// <summary>The board as shown (the <paramref name="top"/> first); null when the city does not exist.</summary>
    /// <param name="session">Any session: the board's document is network-wide, keyed by city.</param>
    public async Task<ConcernBoardDetails?> BoardAsync(IQuerySession session, string city, int top, CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var known = batch.Load<City>(city);
        var stored = batch.Load<ConcernBoard>(city);
        await batch.Execute(cancellation);
        if (await known is null) return null;
        var board = await stored ?? new ConcernBoard { Id = city };
        await using (var command = database.CreateCommand(_rows))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = city });
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var id = reader.GetGuid(0);
                board.Open[id] = new BoardConcern(id, reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), Enum.Parse<ConcernStatus>(reader.GetString(5)), reader.GetInt64(7), reader.GetBoolean(6));
            }
        }
        var figures = board.Rank(top);
        return new ConcernBoardDetails(city, board.Version, board.UpdatedAt, figures.OpenConcerns,
            figures.Top.Select(c => new BoardItem(c.Id, c.Title, c.Rights, c.District, c.Status, c.Supports, c.RaisedAt)).ToList(),
            figures.ByRight, figures.ByDistrict, figures.WithoutDistrict);
    }
}
