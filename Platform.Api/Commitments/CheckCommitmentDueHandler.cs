using Platform.Domain.Commitments;

namespace Platform.Api.Commitments;

/// <summary>
/// Check, when the due date <paramref name="DueDate"/> of a commitment of <paramref name="City"/> has ended,
/// whether it is overdue (a durable scheduled message, sent at publication and at each deadline change).
/// </summary>
public sealed record CheckCommitmentDue(string City, Guid CommitmentId, DateOnly DueDate);

/// <summary>
/// Marks the commitment overdue through <see cref="CommitmentHandler"/> when the checked due date is still the
/// commitment's, has ended, and the commitment is neither fulfilled nor abandoned. A stale check (the deadline
/// moved) or a repeated one changes nothing; one that arrives early is scheduled again by the handler; one that
/// lost a race (a deadline change or fulfilment came first, and a deadline change scheduled its own check) is dropped.
/// </summary>
public static class CheckCommitmentDueHandler
{
    public static async Task Handle(CheckCommitmentDue message, IDocumentStore store, IMessageBus bus, CommitmentHandler commitments,
        ILogger<CheckCommitmentDue> logger, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(message.City);
        var written = await commitments.Handle(new MarkCommitmentOverdue(message.CommitmentId, message.DueDate), session, bus, cancellation);
        if (written.Errors is [{ Code: not ("commitment-not-yet-due" or "commitment-changed") } refusal, ..])
            logger.LogWarning("Not checking commitment {City}/{Id}: {Reason}", message.City, message.CommitmentId, refusal.Message);
    }
}
