
namespace Platform.Api.Infrastructure;

/// <summary>
/// Removes <c>Idempotency-Key</c> records once they are older than <see cref="IdempotencyOptions.RetentionHours"/>:
/// a client retries within seconds or minutes, and the records would otherwise pile up forever (one per keyed
/// write). A request repeated with the same key after that is a new request. Every node runs it once an hour;
/// running it twice at once removes the same rows, which is harmless.
/// </summary>
public sealed class IdempotencyRetention(IDocumentStore store, PlatformOptions platform, TimeProvider clock, ILogger<IdempotencyRetention> logger)
    : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    /// <summary>Removes the records older than the retention period now; answers how many there were.</summary>
    public async Task<int> RemoveExpiredAsync(CancellationToken cancellation)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromHours(platform.Idempotency.RetentionHours);
        await using var session = store.LightweightSession();
        var expired = await session.Query<IdempotentRequest>().Where(r => r.CreatedAt < cutoff).CountAsync(cancellation);
        if (expired == 0) return 0;
        session.DeleteWhere<IdempotentRequest>(r => r.CreatedAt < cutoff);
        await session.SaveChangesAsync(cancellation);
        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            // First pass a minute after start-up, out of the way of schema set-up and demo seeding; then hourly.
            await Task.Delay(TimeSpan.FromMinutes(1), clock, stopping);
            while (true)
            {
                try
                {
                    var removed = await RemoveExpiredAsync(stopping);
                    if (removed > 0) logger.LogInformation("Removed {Count} expired idempotency records", removed);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    logger.LogWarning(e, "Removing expired idempotency records failed; trying again in an hour");
                }
                await Task.Delay(Every, clock, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}

/// <summary>Settings of <c>Idempotency-Key</c> handling (<c>Platform:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>How long a key's first response is kept and replayed (hours).</summary>
    public int RetentionHours { get; set; } = 24;

    /// <summary>
    /// How long a claim may stay without its response (seconds) before a retry takes the key over: the request that
    /// claimed it died between its write and storing its answer (a killed node). Its retry is then run again.
    /// </summary>
    public int LeaseSeconds { get; set; } = 30;
}
