using Marten;
using Npgsql;
using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// Reads concern views with their support counts: one query for the documents, one for the tallies.
/// Used by the HTTP endpoints and the live hub alike, so both show the same thing.
/// </summary>
public sealed class ConcernReader(NpgsqlDataSource database, Platform.Api.Infrastructure.PlatformOptions platform)
{
    private readonly string _tallySql =
        $"select item_id, sum(supports)::bigint, max(last_sequence) from {platform.Schema}.{SupportTally.TableName} " +
        "where tenant_id = $1 and item_id = any($2) group by item_id";

    public async Task<ConcernResponse?> LoadAsync(IQuerySession session, string city, Guid id, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<ConcernView>(id, cancellation);
        if (view is null) return null;
        var tallies = await TalliesAsync(city, [id], cancellation);
        return ToResponse(city, view, tallies.GetValueOrDefault(id));
    }

    public async Task<IReadOnlyList<ConcernResponse>> ToResponsesAsync(string city, IReadOnlyList<ConcernView> views, CancellationToken cancellation)
    {
        var tallies = await TalliesAsync(city, views.Select(v => v.Id).ToArray(), cancellation);
        return views.Select(v => ToResponse(city, v, tallies.GetValueOrDefault(v.Id))).ToList();
    }

    private static ConcernResponse ToResponse(string city, ConcernView v, (long Supports, long Sequence) tally) => new(
        v.Id, city, v.Title, v.Description, v.Rights, v.SdgTargets, v.District, v.Status, v.Anonymous,
        tally.Supports, v.RaisedAt, v.UpdatedAt, Math.Max(v.Sequence, tally.Sequence));

    private async Task<Dictionary<Guid, (long, long)>> TalliesAsync(string city, Guid[] ids, CancellationToken cancellation)
    {
        var result = new Dictionary<Guid, (long, long)>();
        if (ids.Length == 0) return result;
        await using var command = database.CreateCommand(_tallySql);
        command.Parameters.Add(new NpgsqlParameter { Value = city });
        command.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
            result[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetInt64(2));
        return result;
    }
}
