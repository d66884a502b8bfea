using Platform.Projections.Commitments;

namespace Platform.Api.Commitments;

/// <summary>Snapshots of the "commitment" view: the same response as <c>GET .../commitments/{id}</c>.</summary>
public sealed class CommitmentLiveViewSource(CommitmentReader reader) : ILiveViewSource
{
    public string View => CommitmentLiveRoute.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        var commitment = await reader.LoadAsync(session, city, id, cancellation);
        return commitment is null ? null : new LiveView(View, city, id, commitment.Version, commitment);
    }
}
