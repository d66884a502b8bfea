using System.Net;
using Microsoft.AspNetCore.Identity;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Platform.Api.Accounts;

/// <summary>
/// Checks an email and password against online guessing. Every attempt costs one password hash, whether the email
/// belongs to an account or not, so the answer's timing does not tell which emails have accounts. Failed attempts
/// are counted per account (the email) and per client address: past <see cref="FreeFailuresPerAccount"/> (or
/// <see cref="RateLimitOptions.FailedSignInsPerAddress"/>) failures in a row, each further attempt must wait twice as
/// long as the one before (1 s, 2 s, 4 s ... up to <see cref="LongestWait"/>), and is refused with a retry time
/// meanwhile. A successful sign-in clears the account's count; a count fades after <see cref="Memory"/> without
/// failures.
/// <para>
/// The counts are kept in PostgreSQL (<see cref="TableName"/>), so they hold across every node behind a proxy: a
/// guesser gains nothing by landing on another node. Rows are keyed by a keyed hash of the email or address
/// (<see cref="Pseudonyms.Of(string)"/>), never the email or address itself, and are removed once faded.
/// </para>
/// </summary>
public sealed class SignInGuard(IPasswordHasher<Account> hasher, NpgsqlDataSource database, PlatformOptions platform, Pseudonyms pseudonyms,
    RateLimitOptions limits, TimeProvider clock)
{
    public const int FreeFailuresPerAccount = 5;
    /// <summary>The default of <see cref="RateLimitOptions.FailedSignInsPerAddress"/>.</summary>
    public const int FreeFailuresPerAddress = 20;
    public static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    public const string TableName = "sign_in_failures";

    /// <summary>A hash of a password nobody has, checked when the email has no account: the same work as a real check.</summary>
    private readonly string _decoy = hasher.HashPassword(new Account(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private string Table => $"{platform.Schema}.{TableName}";

    public static Table Definition(string schema)
    {
        var table = new Table(new PostgresqlObjectName(schema, TableName, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<int>("failures").NotNull();
        table.AddColumn("last_failure", "timestamptz").NotNull();
        table.Indexes.Add(new IndexDefinition($"ix_{TableName}_last_failure") { Columns = ["last_failure"] });
        return table;
    }

    /// <summary>The account the credentials sign in to; or null with, when attempts are held back, how long to wait.</summary>
    public async Task<(Account? Account, TimeSpan? RetryAfter)> VerifyAsync(Credentials credentials, IPAddress? client, IQuerySession session,
        CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(credentials.Email) || string.IsNullOrEmpty(credentials.Password)) return (null, null);
        var email = AccountRules.NormaliseEmail(credentials.Email);
        var accountKey = pseudonyms.Of($"sign-in:account:{email}");
        var addressKey = client is null ? null : pseudonyms.Of($"sign-in:address:{client}");
        var now = clock.GetUtcNow();
        if (await WaitAsync(accountKey, addressKey, now, cancellation) is { } wait) return (null, wait);

        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Email == email, cancellation);
        bool verified;
        if (account?.PasswordHash is { } hash) verified = hasher.VerifyHashedPassword(account, hash, credentials.Password) != PasswordVerificationResult.Failed;
        else
        {
            hasher.VerifyHashedPassword(new Account(), _decoy, credentials.Password); // the same cost as checking a real account
            verified = false;
        }
        if (verified)
        {
            await using var clear = database.CreateCommand($"delete from {Table} where key = $1");
            clear.Parameters.Add(new NpgsqlParameter { Value = accountKey });
            await clear.ExecuteNonQueryAsync(cancellation);
            return (account, null);
        }
        await FailAsync(accountKey, now, cancellation);
        if (addressKey is not null) await FailAsync(addressKey, now, cancellation);
        return (null, null);
    }

    /// <summary>How long the longer held of the two keys must still wait, if either is held.</summary>
    private async Task<TimeSpan?> WaitAsync(string accountKey, string? addressKey, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand($"select key, failures, last_failure from {Table} where key = any($1) and last_failure > $2");
        command.Parameters.Add(new NpgsqlParameter { Value = addressKey is null ? new[] { accountKey } : new[] { accountKey, addressKey } });
        command.Parameters.Add(new NpgsqlParameter { Value = now - Memory });
        TimeSpan? longest = null;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var free = reader.GetString(0) == accountKey ? FreeFailuresPerAccount : limits.FailedSignInsPerAddress;
            var heldUntil = reader.GetFieldValue<DateTimeOffset>(2) + Hold(reader.GetInt32(1), free);
            if (heldUntil > now && (longest is null || heldUntil - now > longest)) longest = heldUntil - now;
        }
        return longest;
    }

    /// <summary>How long attempts wait after the last of <paramref name="failures"/> failures in a row.</summary>
    private static TimeSpan Hold(int failures, int free) =>
        failures <= free ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures - free - 1), LongestWait.TotalSeconds));

    /// <summary>Counts one more failure (a count that faded starts again at one), and drops faded rows of others.</summary>
    private async Task FailAsync(string key, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var command = database.CreateCommand(
            $"insert into {Table} as f (key, failures, last_failure) values (@key, 1, @now) on conflict (key) do update " +
            "set failures = case when f.last_failure <= @faded then 1 else f.failures + 1 end, last_failure = @now; " +
            $"delete from {Table} where last_failure <= @faded");
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("faded", now - Memory);
        await command.ExecuteNonQueryAsync(cancellation);
    }
}
