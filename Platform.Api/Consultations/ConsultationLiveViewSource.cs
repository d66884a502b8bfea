using Platform.Projections.Consultations;

namespace Platform.Api.Consultations;

/// <summary>Snapshots of the "consultation" view: the consultation and its public results (drafts are not watchable).</summary>
public sealed class ConsultationLiveViewSource(ConsultationReader reader) : ILiveViewSource
{
    public string View => ConsultationLiveRoute.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        var view = await ConsultationReader.FindAsync(session, id, official: false, cancellation);
        if (view is null) return null;
        var results = ConsultationReader.Disclosed(await reader.ResultsAsync(city, view, withTexts: false, cancellation), official: false);
        return new LiveView(View, city, id, results.Version, new ConsultationLive(ConsultationDetails.Of(city, view), results));
    }
}
