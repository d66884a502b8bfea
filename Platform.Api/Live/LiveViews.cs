using Marten;
using Platform.Api.Concerns;

namespace Platform.Api.Live;

/// <summary>Loads the snapshot of a watchable view. The one place that knows which views can be watched.</summary>
public sealed class LiveViews(ConcernReader concerns)
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal) { "concern" };

    public async Task<LiveView?> LoadAsync(IDocumentStore store, string view, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        switch (view)
        {
            case "concern":
                var concern = await concerns.LoadAsync(session, city, id, cancellation);
                return concern is null ? null : new LiveView(view, city, id, concern.Version, concern);
            default:
                return null;
        }
    }
}
