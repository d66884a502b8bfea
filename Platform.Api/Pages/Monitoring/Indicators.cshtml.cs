using Marten;
using Microsoft.AspNetCore.Mvc;
using Platform.Api.Cities;
using Platform.Api.Monitoring;
using Platform.Api.Web;

namespace Platform.Api.Pages.Monitoring;

/// <summary>A city's indicator set, grouped by right, through the API's list endpoint method (the same statuses, the same rules).</summary>
public sealed class IndicatorsModel(CityDirectory directory, IDocumentStore store) : CityPageModel(directory)
{
    public IReadOnlyList<SeriesDetails> Indicators { get; private set; } = [];
    public int CoreRequired { get; private set; }
    public int CoreAdopted { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var answer = await CityIndicatorEndpoints.List(CitySlug, session, cancellation);
        if (answer is not IValueHttpResult { Value: { } value }) return NotFound();
        // The endpoint answers an anonymous object of this assembly: read it as the JSON client would.
        dynamic set = value;
        Indicators = ((IEnumerable<SeriesDetails>)set.Indicators).ToList();
        CoreRequired = (int)set.Core.Required;
        CoreAdopted = (int)set.Core.Adopted;
        return Page();
    }
}
