using Marten;
using Platform.Api.Infrastructure;
using Platform.Api.Monitoring;
using Platform.Domain.Consultations;
using Wolverine;

namespace Platform.Api.Consultations;

/// <summary>Close the consultation of <paramref name="City"/> when its window ends (a durable scheduled message).</summary>
public sealed record CloseConsultation(string City, Guid ConsultationId);

/// <summary>
/// Appends <see cref="ConsultationClosed"/> when the window has ended and the consultation is still open.
/// Idempotent: a repeated or late message changes nothing; one that arrives early is scheduled again.
/// </summary>
public static class CloseConsultationHandler
{
    public static async Task Handle(CloseConsultation message, IDocumentStore store, IMessageBus bus, TimeProvider clock,
        ConsultationReader reader, ILogger<CloseConsultation> logger, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(message.City);
        var stream = await session.Events.FetchForWriting<Consultation>(message.ConsultationId, cancellation);
        var decision = ConsultationDecider.Decide(new Platform.Domain.Consultations.CloseConsultation(message.ConsultationId), stream.Aggregate, clock.GetUtcNow());
        if (decision.IsRefused)
        {
            if (stream.Aggregate?.ClosesAt is { } closesAt && decision.Errors[0].Code == "consultation-window-not-over")
                await bus.ScheduleAsync(message, closesAt);
            else
                logger.LogWarning("Not closing consultation {City}/{Id}: {Reason}", message.City, message.ConsultationId, decision.Errors[0].Message);
            return;
        }
        if (decision.Events.Count == 0) return;

        stream.AppendMany(decision.Events);
        var closedAt = ((ConsultationClosed)decision.Events[0]).ClosedAt;
        await PerceptionValues.AppendAsync(session, reader, message.City, message.ConsultationId, closedAt, logger, cancellation);
        if (await StreamWrite.CommitAsync(session, ClosedMeanwhile, cancellation) is not null)
        {
            // Another copy of this message closed it first, or an official recorded a value of a fed series at the
            // same moment: then the consultation is still open, and the close is tried again shortly.
            await using var check = store.QuerySession(message.City);
            var view = await check.LoadAsync<Platform.Projections.Consultations.ConsultationView>(message.ConsultationId, cancellation);
            if (view?.Status == ConsultationStatus.Open) await bus.ScheduleAsync(message, clock.GetUtcNow().AddSeconds(1));
        }
    }

    private static readonly Platform.Domain.DomainError ClosedMeanwhile =
        Platform.Domain.DomainError.Conflict("consultation-changed", "The consultation changed while it was being closed.");
}
