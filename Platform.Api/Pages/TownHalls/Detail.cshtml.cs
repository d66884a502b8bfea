using Marten;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Cities;
using Platform.Api.Commitments;
using Platform.Api.TownHalls;
using Platform.Api.Web;

namespace Platform.Api.Pages.TownHalls;

/// <summary>
/// One town hall as the public sees it, and the state the big screen shows (<see cref="TownHallScreenModel"/>
/// derives from it): the API's <c>GET .../town-halls/{id}</c> answer and the titles of the commitments made there.
/// </summary>
public class TownHallDetailModel(CityDirectory directory, IDocumentStore store, TownHallReader reader, CommitmentReader commitments) : CityPageModel(directory)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public TownHallDetails TownHall { get; private set; } = null!;
    public IReadOnlyList<CommitmentDetails> Commitments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    protected async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var answer = await GetTownHallEndpoints.Get(Id, CitySlug, session, reader, cancellation);
        if (answer.Value<TownHallDetails>() is not { } details) return false;
        TownHall = details;
        var made = new List<CommitmentDetails>();
        foreach (var id in details.CommitmentIds)
            if (await commitments.LoadAsync(session, CitySlug, id, cancellation) is { } commitment) made.Add(commitment);
        Commitments = made;
        return true;
    }
}
