using Platform.Projections.Proposals;

namespace Platform.Api.Proposals;

/// <summary>Snapshots of the "proposal" view: the same response as <c>GET .../proposals/{id}</c>.</summary>
public sealed class ProposalLiveViewSource(ProposalReader reader) : ILiveViewSource
{
    public string View => ProposalLiveRoute.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        var proposal = await reader.LoadAsync(session, city, id, cancellation);
        return proposal is null ? null : new LiveView(View, city, id, proposal.Version, proposal);
    }
}
