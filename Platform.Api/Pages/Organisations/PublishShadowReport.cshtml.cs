using Platform.Api.Organisations;
using Platform.Domain.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// A member of a verified organisation publishes a shadow report on a year's report of the city: the page sends the
/// API's command to <see cref="OrganisationHandler"/> and shows refusals next to the fields. Same policy as the endpoint.
/// </summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class PublishShadowReportModel(CityDirectory directory, IDocumentStore store, OrganisationReader reader, OrganisationHandler handler,
    TimeProvider clock, IStringLocalizer<Text> text) : ShadowReportFormModel(directory, store, text)
{
    public OrganisationDetails? Organisation { get; private set; }

    /// <summary>The year commented on; the last full year unless the form says otherwise.</summary>
    [BindProperty] public int? Year { get; set; }

    /// <summary>The years a shadow report may comment on, the latest first.</summary>
    public IEnumerable<int> Years => Enumerable.Range(Platform.Api.Reports.CityReportReader.FirstYear, clock.GetUtcNow().Year - Platform.Api.Reports.CityReportReader.FirstYear + 1).Reverse();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        Year = clock.GetUtcNow().Year - 1;
        return await LoadAsync(cancellation) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid
        var command = new PublishShadowReport(Guid.CreateVersion7(), RouteId, User.AccountId(), Year, Draft);
        await using var session = Store.LightweightSession(CitySlug);
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused) return await RefusedAsync(written, () => LoadAsync(cancellation));
        TempData.Confirm(Localizer["Organisations.Published"]);
        return RedirectToPage("/Organisations/ShadowReport", new { city = CitySlug, year = Year, id = command.ReportId });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = Store.QuerySession(CitySlug);
        Organisation = await reader.FindAsync(session, CitySlug, RouteId, User, cancellation);
        if (Organisation is null) return false;
        await LoadChoicesAsync(session, cancellation);
        return true;
    }
}
