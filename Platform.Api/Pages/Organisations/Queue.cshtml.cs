using Platform.Api.Organisations;
using Platform.Domain.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// The verification queue of the city's organisations, for its officials and network administrators: those waiting
/// (the longest waiting first), then those suspended and declined. Each is verified, declined or suspended on its page.
/// </summary>
[Authorize(Policy = Policies.OrganisationVerifier)]
public sealed class OrganisationQueueModel(CityDirectory directory, IDocumentStore store, OrganisationReader reader) : CityPageModel(directory)
{
    public IReadOnlyList<OrganisationSummary> Pending { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Suspended { get; private set; } = [];
    public IReadOnlyList<OrganisationSummary> Declined { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Pending = await reader.ListAsync(session, OrganisationStatus.Pending, cancellation);
        Suspended = await reader.ListAsync(session, OrganisationStatus.Suspended, cancellation);
        Declined = await reader.ListAsync(session, OrganisationStatus.Declined, cancellation);
    }
}
