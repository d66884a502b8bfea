using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Honours the <c>Idempotency-Key</c> header on every write under <c>/api</c>: a retried request gets the
/// first response back and stores nothing new, also when the retry races the original.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IDocumentStore store, PlatformOptions platform, TimeProvider clock,
    ILogger<IdempotencyMiddleware> logger)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;
    private static readonly TimeSpan WaitForOriginal = TimeSpan.FromSeconds(10);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsKeyedWrite(context, out var key))
        {
            await next(context);
            return;
        }
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
        {
            await Results.Problem(statusCode: 400, title: $"The {Header} header must be 1 to {MaxKeyLength} printable characters.",
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [Header] = ["Invalid key."] } }).ExecuteAsync(context);
            return;
        }

        context.Request.EnableBuffering();
        var fingerprint = await FingerprintAsync(context.Request);
        var caller = context.User.IsSignedIn() ? context.User.AccountId().ToString("N") : "anonymous";
        var recordId = RecordId(caller, context.Request.Method, context.Request.Path, key);

        if (await FindAsync(recordId, context.RequestAborted) is { } earlier && !await ReclaimedAsync(earlier, fingerprint))
        {
            await ReplayOrWaitAsync(context, earlier, fingerprint);
            return;
        }

        var scope = new IdempotencyScope { RecordId = recordId, Fingerprint = fingerprint, StartedAt = clock.GetUtcNow() };
        context.Features.Set(scope);
        var originalBody = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        Exception? failure = null;
        try
        {
            await next(context);
        }
        catch (Exception e) when (!scope.Claimed)
        {
            failure = e;
        }
        finally
        {
            context.Features.Set<IdempotencyScope?>(null);
            context.Response.Body = originalBody;
        }

        if (failure is not null)
        {
            // A failure before anything was stored: if a concurrent twin holds the key, our write lost to its
            // claim (and stored nothing); answer as it did. Otherwise it is a real failure.
            var holder = await FindAsync(recordId, CancellationToken.None);
            if (holder is null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            logger.LogDebug(failure, "Idempotent request {RecordId} lost the race; replaying the winner.", recordId);
            context.Response.Clear();
            await ReplayOrWaitAsync(context, holder, fingerprint);
            return;
        }

        if (!scope.Claimed && await FindAsync(recordId, CancellationToken.None) is { } winner)
        {
            // We stored nothing, but a concurrent twin did: its response is the one that counts.
            context.Response.Clear();
            await ReplayOrWaitAsync(context, winner, fingerprint);
            return;
        }

        if (scope.Claimed) await CompleteAsync(recordId, context, buffer);
        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, context.RequestAborted);
    }

    /// <summary>The id of a key's record: caller, method, path and key, hashed.</summary>
    public static string RecordId(string caller, string method, string path, string key) => Hash($"{caller}\n{method}\n{path}\n{key}");

    /// <summary>
    /// A claim older than the lease and still without its response belongs to a request that died after its write: the
    /// same request (same body) takes the key over and runs again, instead of being told "in progress" for a day.
    /// </summary>
    private async Task<bool> ReclaimedAsync(IdempotentRequest record, string fingerprint)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromSeconds(platform.Idempotency.LeaseSeconds);
        if (record.Completed || record.CreatedAt > cutoff || record.Fingerprint != fingerprint) return false;
        await using var session = store.LightweightSession();
        session.DeleteWhere<IdempotentRequest>(r => r.Id == record.Id && !r.Completed && r.CreatedAt <= cutoff);
        await session.SaveChangesAsync();
        logger.LogWarning("An idempotency claim stayed {Seconds:F0} s without its response; a retry takes it over", (clock.GetUtcNow() - record.CreatedAt).TotalSeconds);
        return true;
    }

    private static bool IsKeyedWrite(HttpContext context, out string key)
    {
        key = context.Request.Headers[Header].ToString();
        return context.Request.Headers.ContainsKey(Header)
               && context.Request.Path.StartsWithSegments("/api")
               && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
                   || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsDelete(context.Request.Method));
    }

    private async Task ReplayOrWaitAsync(HttpContext context, IdempotentRequest record, string fingerprint)
    {
        if (record.Fingerprint != fingerprint)
        {
            await Results.Problem(statusCode: 422, title: $"This {Header} was used for a different request.",
                type: "https://human-rights-cities.org/problems/idempotency-key-reused",
                extensions: new Dictionary<string, object?> { ["code"] = "idempotency-key-reused" }).ExecuteAsync(context);
            return;
        }
        var deadline = clock.GetUtcNow() + WaitForOriginal;
        while (!record.Completed && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(50, context.RequestAborted);
            record = await FindAsync(record.Id, context.RequestAborted) ?? record;
        }
        if (!record.Completed)
        {
            await Results.Problem(statusCode: 409, title: $"A request with this {Header} is still being processed; retry shortly.",
                extensions: new Dictionary<string, object?> { ["code"] = "idempotency-key-in-progress" }).ExecuteAsync(context);
            return;
        }
        context.Response.StatusCode = record.Status;
        if (record.ContentType is not null) context.Response.ContentType = record.ContentType;
        if (record.Location is not null) context.Response.Headers.Location = record.Location;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.WriteAsync(record.Body, context.RequestAborted);
    }

    private async Task CompleteAsync(string recordId, HttpContext context, MemoryStream buffer)
    {
        await using var session = store.LightweightSession();
        var record = await session.LoadAsync<IdempotentRequest>(recordId);
        if (record is null) return;
        record.Completed = true;
        record.Status = context.Response.StatusCode;
        record.ContentType = context.Response.ContentType;
        record.Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null;
        record.Body = Encoding.UTF8.GetString(buffer.ToArray());
        session.Update(record);
        await session.SaveChangesAsync();
    }

    private async Task<IdempotentRequest?> FindAsync(string id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<IdempotentRequest>(id, cancellation);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.Body.Position = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk)) > 0) sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static string Hash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
