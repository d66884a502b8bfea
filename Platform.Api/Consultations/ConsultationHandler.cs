using Platform.Api.Monitoring;
using Platform.Domain.Consultations;
using Wolverine.Attributes;

namespace Platform.Api.Consultations;

/// <summary>
/// The consultations' command handler (the officials' writes and the scheduled close): one method per command,
/// load → decide → append → commit through <see cref="StreamWrite"/>, with the side work of the write. The city is the
/// session's tenant. Commands that schedule take the caller's <see cref="IMessageBus"/>: an HTTP request's bus is
/// enlisted in the outbox with the request's session, so the scheduled close commits with the events.
/// </summary>
[WolverineIgnore] // called by the faces and by CloseConsultationHandler, not a Wolverine message handler
public sealed class ConsultationHandler(ConsultationReader reader, TimeProvider clock, ILogger<ConsultationHandler> logger)
{
    public Task<Written> Handle(DraftConsultation command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<Consultation>(session, command.ConsultationId, state => ConsultationDecider.Decide(command, state, clock.GetUtcNow()),
            DomainError.Conflict("consultation-exists", "A consultation with this id exists already."), cancellation);

    /// <summary>Opens the draft and schedules its close (<see cref="CloseConsultation"/>) for the end of the window: both happen or neither.</summary>
    public Task<Written> Handle(OpenConsultation command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<Consultation>(session, command.ConsultationId, state => ConsultationDecider.Decide(command, state, clock.GetUtcNow()),
            DomainError.Conflict("consultation-already-opened", "Another request opened this consultation first."), cancellation,
            async events => await bus.ScheduleAsync(new CloseConsultation(session.TenantId, command.ConsultationId), events.OfType<ConsultationOpened>().Single().ClosesAt));

    public Task<Written> Handle(PublishConsultationOutcome command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<Consultation>(session, command.ConsultationId, state => ConsultationDecider.Decide(command, state, clock.GetUtcNow()),
            DomainError.Conflict("outcome-already-published", "Another request published the outcome first."), cancellation);

    /// <summary>
    /// Closes the consultation at the end of its window and records the perception values it feeds, in the same
    /// transaction. A repeated or late close changes nothing. One that arrives early is refused
    /// (<c>consultation-window-not-over</c>) and scheduled again for the end of the window. One that lost a race
    /// (<see cref="ClosedMeanwhile"/>: another copy of the message closed it first, or an official recorded a value
    /// of a fed series at the same moment) is tried again shortly while the consultation is still open.
    /// </summary>
    public async Task<Written> Handle(Platform.Domain.Consultations.CloseConsultation command, IDocumentSession session, IMessageBus bus,
        CancellationToken cancellation)
    {
        Consultation? seen = null;
        var written = await StreamWrite.DecideAsync<Consultation>(session, command.ConsultationId, state =>
            {
                seen = state;
                return ConsultationDecider.Decide(command, state, clock.GetUtcNow());
            },
            ClosedMeanwhile, cancellation,
            events => PerceptionValues.AppendAsync(session, reader, session.TenantId, command.ConsultationId,
                events.OfType<ConsultationClosed>().Single().ClosedAt, logger, cancellation));
        var again = new CloseConsultation(session.TenantId, command.ConsultationId);
        if (written.Errors is [{ Code: "consultation-window-not-over" }] && seen?.ClosesAt is { } closesAt)
            await bus.ScheduleAsync(again, closesAt);
        else if (written.Errors is [{ Code: "consultation-changed" }])
        {
            await using var check = session.DocumentStore.QuerySession(session.TenantId);
            var view = await check.LoadAsync<Platform.Projections.Consultations.ConsultationView>(command.ConsultationId, cancellation);
            if (view?.Status == ConsultationStatus.Open) await bus.ScheduleAsync(again, clock.GetUtcNow().AddSeconds(1));
        }
        return written;
    }

    /// <summary>The refusal of a close that lost a race on the stream.</summary>
    public static readonly DomainError ClosedMeanwhile =
        DomainError.Conflict("consultation-changed", "The consultation changed while it was being closed.");
}
