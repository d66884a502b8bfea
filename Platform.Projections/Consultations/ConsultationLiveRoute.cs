using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>The "consultation" view (the consultation with its public results) changes with every event of it and with each response.</summary>
public sealed class ConsultationLiveRoute : ILiveViewRoute
{
    public const string View = "consultation";

    public IReadOnlyCollection<Type> EventTypes { get; } =
    [
        typeof(ConsultationDrafted), typeof(ConsultationOpened), typeof(ConsultationResponseSubmitted),
        typeof(ConsultationClosed), typeof(ConsultationOutcomePublished),
    ];

    public IEnumerable<ViewChange> ChangesOf(IEvent e)
    {
        Guid? id = e.Data switch
        {
            ConsultationDrafted d => d.ConsultationId,
            ConsultationOpened o => o.ConsultationId,
            ConsultationResponseSubmitted r => r.ConsultationId,
            ConsultationClosed c => c.ConsultationId,
            ConsultationOutcomePublished p => p.ConsultationId,
            _ => null,
        };
        if (id is { } consultationId) yield return new ViewChange(View, e.TenantId, consultationId, e.Sequence);
    }
}
