
namespace Platform.Tests.Support;

public static class StoredDocuments
{
    /// <summary>
    /// A fingerprint of the network-wide documents (accounts and cities: how many, and the last change to
    /// each kind) and of the event count: tests of refused account and city writes assert it does not move.
    /// </summary>
    public static async Task<string> AccountsAndCitiesFingerprintAsync(this AppFixture app)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            select (select count(*) || '/' || coalesce(max(mt_last_modified)::text, '') from platform.mt_doc_account)
                || ' ' || (select count(*) || '/' || coalesce(max(mt_last_modified)::text, '') from platform.mt_doc_city)
                || ' ' || (select count(*) from platform.mt_events where type <> 'tombstone')
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
