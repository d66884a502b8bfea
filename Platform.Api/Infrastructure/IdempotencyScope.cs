
namespace Platform.Api.Infrastructure;

/// <summary>
/// The idempotency key of the request being handled: <see cref="IdempotencyMiddleware"/> puts it in the request's
/// features (<c>HttpContext.Features.Get&lt;IdempotencyScope&gt;()</c>); writers that open their own sessions get it
/// passed in and add its claim (<see cref="AddClaimTo"/>) to the transaction of the write. There is no ambient copy.
/// </summary>
public sealed class IdempotencyScope
{
    public required string RecordId { get; init; }
    public required string Fingerprint { get; init; }
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Set once a transaction holding this request's claim committed: the request wrote something.</summary>
    public bool Claimed { get; set; }

    /// <summary>
    /// Adds the key's claim to what <paramref name="session"/> will commit, unless it is claimed already or the session
    /// holds the claim: the write and the claim are atomic, so a concurrent retry's write fails on the claim's key.
    /// </summary>
    public void AddClaimTo(IDocumentSession session)
    {
        if (Claimed || session.PendingChanges.InsertsFor<IdempotentRequest>().Any(r => r.Id == RecordId)) return;
        session.Insert(new IdempotentRequest { Id = RecordId, Fingerprint = Fingerprint, CreatedAt = StartedAt });
    }
}
