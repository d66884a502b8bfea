using Platform.Projections.Scorecards;

namespace Platform.Api.Scorecards;

// City-wide and network-wide views have no item id: clients watch them with Guid.Empty as the id.

/// <summary>Snapshots of the "scorecard" view: <c>Watch("scorecard", city, Guid.Empty)</c>; the same body as <c>GET .../scorecard</c>.</summary>
public sealed class ScorecardLiveViewSource(ScorecardReader reader) : ILiveViewSource
{
    public string View => CityScorecardProjection.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        if (id != Guid.Empty) return null;
        await using var session = store.QuerySession();
        var scorecard = await reader.ScorecardAsync(session, city, cancellation);
        return scorecard is null ? null : new LiveView(View, city, id, scorecard.Version, scorecard);
    }
}

/// <summary>Snapshots of the "concern-board" view: <c>Watch("concern-board", city, Guid.Empty)</c>; the default board (top 50).</summary>
public sealed class ConcernBoardLiveViewSource(ConcernBoardReader reader) : ILiveViewSource
{
    public string View => ConcernBoardProjection.View;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        if (id != Guid.Empty) return null;
        await using var session = store.QuerySession();
        var board = await reader.BoardAsync(session, city, ConcernBoardReader.DefaultBoardSize, cancellation);
        return board is null ? null : new LiveView(View, city, id, board.Version, board);
    }
}

/// <summary>Snapshots of the "network-overview" view: <c>Watch("network-overview", "network", Guid.Empty)</c>.</summary>
public sealed class NetworkOverviewLiveViewSource(ScorecardReader reader) : ILiveViewSource
{
    public string View => NetworkOverviewProjection.View;

    public string? Scope => NetworkOverviewProjection.NetworkScope;

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        if (id != Guid.Empty || city != NetworkOverviewProjection.NetworkScope) return null;
        await using var session = store.QuerySession();
        var overview = await reader.NetworkAsync(session, cancellation);
        return new LiveView(View, city, id, overview.Version, overview);
    }
}
