using Platform.Api.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// The city's verified organisations (public), the signed-in visitor's own organisations whatever their status, and
/// for the city's officials and network administrators the way to the verification queue.
/// </summary>
[CachedForVisitors]
public sealed class OrganisationListModel(CityDirectory directory, IDocumentStore store, OrganisationReader reader) : CityPageModel(directory)
{
    public IReadOnlyList<OrganisationSummary> Verified { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Mine { get; private set; } = [];
    public bool Verifies => OrganisationReader.Verifies(User, CitySlug);

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Verified = await reader.ListAsync(session, Domain.Organisations.OrganisationStatus.Verified, cancellation);
        Mine = await reader.MineAsync(session, User, cancellation);
    }
}
