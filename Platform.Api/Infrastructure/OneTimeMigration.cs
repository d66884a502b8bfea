
namespace Platform.Api.Infrastructure;

/// <summary>
/// A rewrite of stored data that the platform runs once, at start-up: after the store's own (its schema is in place),
/// before the node answers requests (so no request sees data half rewritten). Each run must be safe to repeat and to
/// run on two nodes at once (it finds what still needs rewriting and rewrites only that, in one transaction); once one
/// completed, a marker document tells later starts to skip it. A failed run is logged and tried again at the next start.
/// </summary>
public abstract class OneTimeMigration(IDocumentStore store, ILogger logger) : IHostedService
{
    /// <summary>The store the migration rewrites.</summary>
    protected IDocumentStore Store => store;

    /// <summary>The migration's name, also the id of its marker document.</summary>
    protected abstract string Name { get; }

    /// <summary>Rewrites what still needs it; answers how many items it rewrote.</summary>
    public abstract Task<int> MigrateAsync(CancellationToken cancellation);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using (var query = store.QuerySession())
                if (await query.LoadAsync<CompletedMigration>(Name, cancellationToken) is not null) return;
            if (await MigrateAsync(cancellationToken) is > 0 and var count)
                logger.LogInformation("Migration {Migration}: {Count} item(s) rewritten", Name, count);
            await using var session = store.LightweightSession();
            session.Store(new CompletedMigration { Id = Name, CompletedAt = DateTimeOffset.UtcNow });
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Migration {Migration} did not complete; the next start tries again", Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Marks a <see cref="OneTimeMigration"/> that completed.</summary>
public sealed class CompletedMigration
{
    public string Id { get; set; } = "";
    public DateTimeOffset CompletedAt { get; set; }
}
