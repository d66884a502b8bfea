using Platform.Domain.Consultations;

namespace Platform.Projections.Consultations;

/// <summary>Live aggregation of a resident's response stream (a few events at most), for its rules.</summary>
public partial class ResidentResponseProjection : SingleStreamProjection<ResidentResponse, Guid>
{
    public static ResidentResponse Create(IEvent<ConsultationResponseSubmitted> e) => ResidentResponse.Create(e.StreamId, e.Data);
    public static ResidentResponse Apply(ConsultationResponseSubmitted e, ResidentResponse state) => state.Apply(e);
}
