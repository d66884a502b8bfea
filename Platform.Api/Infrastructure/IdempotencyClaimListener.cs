using Marten.Services;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Adds the idempotency claim to the first transaction a keyed request commits, so the write and the claim are
/// atomic: a concurrent retry's own write fails on the claim's primary key and stores nothing. The scope is the
/// request's (its features, through the accessor); sessions opened outside a request (the participation writer's
/// batches) have none, and get their write's scope passed in instead (<see cref="IdempotencyScope.AddClaimTo"/>).
/// </summary>
public sealed class IdempotencyClaimListener(IHttpContextAccessor requests) : DocumentSessionListenerBase
{
    private IdempotencyScope? Scope => requests.HttpContext?.Features.Get<IdempotencyScope>();

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges;
        if (pending.InsertsFor<IdempotentRequest>().Any()) return Task.CompletedTask;
        if (Scope is not { Claimed: false } scope) return Task.CompletedTask;
        if (!pending.Streams().Any() && !pending.Operations().Any()) return Task.CompletedTask;
        scope.AddClaimTo(session);
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (Scope is { } scope && commit.Inserted.OfType<IdempotentRequest>().Any(r => r.Id == scope.RecordId))
            scope.Claimed = true;
        return Task.CompletedTask;
    }
}
