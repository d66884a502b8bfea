
namespace Platform.Tests.Support;

/// <summary>
/// What the store holds for two cities and for the network, as three comparable strings, for tests that assert a
/// request stored nothing (or nothing in one city). A city's part: its tenant's events, its follows, the roles accounts
/// hold in it, its own city document and its population shares. The network's part: the cities and catalogue indicators (count and latest
/// change), and every account written since <c>since</c> (created then: account ids are version 7, ordered by time; or
/// with roles or sign-ins changed then: every such write stamps the indexed <c>RolesChangedAt</c>). Each part reads
/// through indexes, or small tables, so the cost stays flat as the test database grows run after run. Events of
/// other tenants are left out: scheduled messages of other tests may append there.
/// </summary>
public sealed record StoreFingerprint(string First, string Second, string Network)
{
    public static async Task<StoreFingerprint> ReadAsync(string connectionString, string schema, string first, string second, DateTimeOffset since)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = "with recent as (select id, mt_version, data from {schema}.mt_doc_account where roles_changed_at >= @since or id >= @floor) "
            + "select " + CityPart("@first") + ", " + CityPart("@second") + ", "
            + "(select count(*) || ':' || coalesce(md5(string_agg(id::text || '=' || mt_version::text, ',' order by id)), '') from recent)"
            + " || '|' || " + Table("mt_doc_city") + " || '|' || " + Table("mt_doc_catalogueindicator");
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", schema), connection);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("second", second);
        command.Parameters.AddWithValue("since", since);
        command.Parameters.AddWithValue("floor", FirstIdOf(since));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoreFingerprint(reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    /// <summary>The smallest version 7 id of the millisecond <paramref name="at"/>: every id made since sorts at or above it.</summary>
    public static Guid FirstIdOf(DateTimeOffset at) =>
        Guid.Parse($"{at.ToUnixTimeMilliseconds():x12}".Insert(8, "-") + "-0000-0000-000000000000");

    private static string CityPart(string city) =>
        "(select count(*) from {schema}.mt_events where tenant_id = " + city + " and type <> 'tombstone')::text"
        + " || '|' || (select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {schema}.mt_doc_follow where tenant_id = " + city + ")"
        + " || '|' || coalesce((select md5(string_agg(id::text || '=' || (data -> 'roles' -> " + city + ")::text, ',' order by id))"
        + " from recent where data -> 'roles' ? " + city + "), '')"
        + " || '|' || coalesce((select mt_version::text from {schema}.mt_doc_city where id = " + city + "), '')"
        // The city's population shares (docs/participation.md): a document, not events.
        + " || '|' || (select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {schema}.mt_doc_populationshares where tenant_id = " + city + ")";

    private static string Table(string table) =>
        "(select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {schema}." + table + ")";
}
