using Marten;
using Platform.Api.Infrastructure;
using Platform.Domain.Commitments;
using Wolverine;

namespace Platform.Api.Commitments;

/// <summary>
/// Check, when the due date <paramref name="DueDate"/> of a commitment of <paramref name="City"/> has ended,
/// whether it is overdue (a durable scheduled message, sent at publication and at each deadline change).
/// </summary>
public sealed record CheckCommitmentDue(string City, Guid CommitmentId, DateOnly DueDate);

/// <summary>
/// Appends <see cref="CommitmentOverdue"/> when the checked due date is still the commitment's, has ended,
/// and the commitment is neither fulfilled nor abandoned. A stale check (the deadline moved) or a repeated
/// one changes nothing; one that arrives early is scheduled again.
/// </summary>
public static class CheckCommitmentDueHandler
{
    public static async Task Handle(CheckCommitmentDue message, IDocumentStore store, IMessageBus bus, TimeProvider clock,
        ILogger<CheckCommitmentDue> logger, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(message.City);
        var stream = await session.Events.FetchForWriting<Commitment>(message.CommitmentId, cancellation);
        var now = clock.GetUtcNow();
        var decision = CommitmentDecider.Decide(new MarkCommitmentOverdue(message.CommitmentId, message.DueDate), stream.Aggregate, now);
        if (decision.IsRefused)
        {
            if (stream.Aggregate is { } commitment && decision.Errors[0].Code == "commitment-not-yet-due")
                await ScheduleAsync(bus, message, commitment.DueAt, now);
            else
                logger.LogWarning("Not checking commitment {City}/{Id}: {Reason}", message.City, message.CommitmentId, decision.Errors[0].Message);
            return;
        }
        if (decision.Events.Count == 0) return;

        stream.AppendMany(decision.Events);
        // A conflict: the commitment changed meanwhile (a deadline change or fulfilment wins); a deadline change scheduled its own check.
        await StreamWrite.CommitAsync(session, ChangedMeanwhile, cancellation);
    }

    private static readonly Platform.Domain.DomainError ChangedMeanwhile =
        Platform.Domain.DomainError.Conflict("commitment-changed", "The commitment changed while its deadline was checked.");

    /// <summary>
    /// Schedules the check for <paramref name="dueAt"/> as a delay from the platform clock's now, so the
    /// check follows the clock the rules use (tests move that clock instead of waiting a day).
    /// </summary>
    public static ValueTask ScheduleAsync(IMessageBus bus, CheckCommitmentDue message, DateTimeOffset dueAt, DateTimeOffset now) =>
        bus.ScheduleAsync(message, dueAt - now > TimeSpan.Zero ? dueAt - now : TimeSpan.Zero);
}
