
namespace Platform.Api.Consultations;

/// <summary>Close the consultation of <paramref name="City"/> when its window ends (a durable scheduled message).</summary>
public sealed record CloseConsultation(string City, Guid ConsultationId);

/// <summary>
/// Closes the consultation through <see cref="ConsultationHandler"/> when the window has ended and it is still open.
/// Idempotent: a repeated or late message changes nothing; one that arrives early, or loses a race, is scheduled
/// again by the handler; any other refusal is logged.
/// </summary>
public static class CloseConsultationHandler
{
    public static async Task Handle(CloseConsultation message, IDocumentStore store, Wolverine.IMessageBus bus, ConsultationHandler consultations,
        ILogger<CloseConsultation> logger, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(message.City);
        var written = await consultations.Handle(new Platform.Domain.Consultations.CloseConsultation(message.ConsultationId), session, bus, cancellation);
        if (written.Errors is [{ Code: not ("consultation-window-not-over" or "consultation-changed") } refusal, ..])
            logger.LogWarning("Not closing consultation {City}/{Id}: {Reason}", message.City, message.ConsultationId, refusal.Message);
    }
}
