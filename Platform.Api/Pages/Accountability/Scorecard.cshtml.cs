using Marten;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Cities;
using Platform.Api.Scorecards;
using Platform.Api.Web;

namespace Platform.Api.Pages.Accountability;

/// <summary>A city's scorecard, through the API's scorecard endpoint method (the same figures, the same rules).</summary>
public sealed class ScorecardModel(CityDirectory directory, IDocumentStore store, AccountabilityReader reader) : CityPageModel(directory)
{
    public ScorecardResponse Scorecard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        // The scorecard is a network-wide document keyed by city: any session reads it.
        await using var session = store.QuerySession();
        var answer = await AccountabilityEndpoints.Scorecard(CitySlug, session, reader, cancellation);
        if (answer.Value<ScorecardResponse>() is not { } scorecard) return NotFound();
        Scorecard = scorecard;
        return Page();
    }
}
