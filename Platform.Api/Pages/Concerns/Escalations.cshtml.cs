using Platform.Api.Concerns;

namespace Platform.Api.Pages.Concerns;

/// <summary>
/// The independent body's queue: the city's concerns escalated to it, those awaiting a finding first (the longest
/// waiting first), then those with one. The finding is recorded on the concern's page. Members of the city's independent
/// body only; what another city escalated is not theirs to see (the route's city decides).
/// </summary>
[Authorize(Policy = Policies.IndependentBody)]
public sealed class EscalationQueueModel(CityDirectory directory, IDocumentStore store, ConcernReader reader) : CityPageModel(directory)
{
    /// <summary>How many escalations the page shows (the API pages through all of them).</summary>
    public const int Shown = 100;

    public IReadOnlyList<ConcernDetails> Awaiting { get; private set; } = [];
    public IReadOnlyList<ConcernDetails> Decided { get; private set; } = [];
    public long Total { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var page = await reader.EscalationsAsync(session, CitySlug, 1, Shown, cancellation);
        Awaiting = page.Items.Where(c => c.Contest?.FindingRecordedAt is null).ToList();
        Decided = page.Items.Where(c => c.Contest?.FindingRecordedAt is not null).ToList();
        Total = page.Total;
        return Page();
    }
}
