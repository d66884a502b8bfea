using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>The "consultation" view (the consultation with its public results) changes with every event of it and with each response.</summary>
public sealed class ConsultationLiveRoute : ItemLiveRoute
{
    public const string View = "consultation";

    public ConsultationLiveRoute() : base(View)
    {
        On<ConsultationDrafted>(e => e.ConsultationId);
        On<ConsultationOpened>(e => e.ConsultationId);
        On<ConsultationResponseSubmitted>(e => e.ConsultationId);
        On<ConsultationClosed>(e => e.ConsultationId);
        On<ConsultationOutcomePublished>(e => e.ConsultationId);
    }
}
