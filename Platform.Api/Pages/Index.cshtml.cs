
namespace Platform.Api.Pages;

/// <summary>The home page: the network's cities, each leading to its concerns.</summary>
[CachedForVisitors]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<City> Cities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) =>
        Cities = await CityDirectory.ListAsync(session, cancellation);
}
