namespace Platform.Api.Notifications;

/// <summary>
/// A PostgreSQL advisory lock held on a connection of its own while one email job runs (a notice, a person's digest
/// run): a second copy of the same job, on this node or another, waits and then finds the record of what was sent.
/// The lock ends with the connection, so a node that dies holding it does not hold it for ever.
/// </summary>
public sealed class EmailLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private EmailLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<EmailLock> TakeAsync(NpgsqlDataSource database, string name, CancellationToken cancellation)
    {
        var key = EmailIds.LockKey(name);
        var connection = await database.OpenConnectionAsync(cancellation);
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", key);
            await command.ExecuteNonQueryAsync(cancellation);
            return new EmailLock(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", _key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
