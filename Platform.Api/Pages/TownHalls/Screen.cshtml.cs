using Platform.Api.Commitments;
using Platform.Api.TownHalls;

namespace Platform.Api.Pages.TownHalls;

/// <summary>
/// The town hall on a big screen. The first state is rendered here (works without JavaScript);
/// <c>wwwroot/js/live-screen.js</c> watches the "town-hall" view and fetches <see cref="OnGetLiveAsync"/>
/// (the same section, rendered again) when it changes.
/// </summary>
[CachedForVisitors]
public sealed class TownHallScreenModel(CityDirectory directory, IDocumentStore store, TownHallReader reader, CommitmentReader commitments)
    : TownHallDetailModel(directory, store, reader, commitments)
{
    public async Task<IActionResult> OnGetLiveAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Partial("_TownHallLive", this) : NotFound();
}
