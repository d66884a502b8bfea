using Marten;
using Marten.Services;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Adds the idempotency claim to the first transaction a keyed request commits, so the write and the
/// claim are atomic: a concurrent retry's own write fails on the claim's primary key and stores nothing.
/// </summary>
public sealed class IdempotencyClaimListener : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var scope = IdempotencyScope.Current;
        if (scope is null || scope.Claimed) return Task.CompletedTask;
        var pending = session.PendingChanges;
        if (!pending.Streams().Any() && !pending.Operations().Any()) return Task.CompletedTask;
        if (pending.InsertsFor<IdempotentRequest>().Any()) return Task.CompletedTask;
        session.Insert(new IdempotentRequest { Id = scope.RecordId, Fingerprint = scope.Fingerprint, CreatedAt = scope.StartedAt });
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (IdempotencyScope.Current is { } scope && commit.Inserted.OfType<IdempotentRequest>().Any(r => r.Id == scope.RecordId))
            scope.Claimed = true;
        return Task.CompletedTask;
    }
}
