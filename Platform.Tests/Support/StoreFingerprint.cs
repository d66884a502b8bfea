using Npgsql;

namespace Platform.Tests.Support;

/// <summary>
/// What the store holds for two cities and for the network, as three comparable strings, for tests that assert a
/// request stored nothing (or nothing in one city). A city's part: its tenant's events, its follows, the roles accounts
/// hold in it and its own city document. The network's part: every city, account, follow and catalogue indicator
/// (count and latest change). Events of other tenants are left out: scheduled messages of other tests may append there.
/// </summary>
public sealed record StoreFingerprint(string First, string Second, string Network)
{
    public static async Task<StoreFingerprint> ReadAsync(string connectionString, string schema, string first, string second)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = "select " + CityPart("@first") + ", " + CityPart("@second") + ", "
            + string.Join(" || '|' || ", new[] { "mt_doc_city", "mt_doc_account", "mt_doc_follow", "mt_doc_catalogueindicator" }.Select(Table));
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", schema), connection);
        command.Parameters.AddWithValue("first", first);
        command.Parameters.AddWithValue("second", second);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new StoreFingerprint(reader.GetString(0), reader.GetString(1), reader.GetString(2));
    }

    private static string CityPart(string city) =>
        "(select count(*) from {schema}.mt_events where tenant_id = " + city + " and type <> 'tombstone')::text"
        + " || '|' || (select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {schema}.mt_doc_follow where tenant_id = " + city + ")"
        + " || '|' || coalesce((select md5(string_agg(id::text || '=' || (data -> 'roles' -> " + city + ")::text, ',' order by id))"
        + " from {schema}.mt_doc_account where data -> 'roles' ? " + city + "), '')"
        + " || '|' || coalesce((select mt_version::text from {schema}.mt_doc_city where id = " + city + "), '')";

    private static string Table(string table) =>
        "(select count(*) || ':' || coalesce(max(mt_last_modified)::text, '') from {schema}." + table + ")";
}
