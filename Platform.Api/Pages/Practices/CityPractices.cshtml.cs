using Platform.Api.GoodPractices;

namespace Platform.Api.Pages.Practices;

/// <summary>The city's place in the network's library: the practices it published and those it adopted (the API's <c>GET /api/cities/{city}/practices</c>).</summary>
public sealed class CityPracticesModel(CityDirectory directory, IDocumentStore store, GoodPracticeReader reader) : CityPageModel(directory)
{
    public CityPractices Practices { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Practices = await reader.CityAsync(session, CitySlug, cancellation);
    }
}
