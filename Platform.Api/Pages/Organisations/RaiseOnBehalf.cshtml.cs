using Platform.Api.Organisations;
using Platform.Domain.Concerns;
using Platform.Domain.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// A member of a verified organisation raises a concern on its behalf, for one of the groups it speaks for: the page
/// sends the API's command to <see cref="OrganisationHandler"/> (which refuses anyone not acting for the organisation)
/// and shows its refusals next to the fields. Same policy as the endpoint.
/// </summary>
[Authorize(Policy = Policies.Organisation)]
public sealed class RaiseOnBehalfModel(CityDirectory directory, IDocumentStore store, OrganisationReader reader, OrganisationHandler handler,
    IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public OrganisationDetails? Organisation { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty(Name = "sdgTargets")] public List<string> SdgTargetsChosen { get; set; } = [];
    [BindProperty] public string? District { get; set; }
    [BindProperty] public string? Group { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid
        var concern = new RaiseConcern(Guid.CreateVersion7(), User.AccountId(), Title, Description, Rights, SdgTargetsChosen, District);
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(new RaiseConcernOnBehalf(concern, RouteId, Group), session, cancellation);
        if (written.IsRefused)
        {
            if (!await LoadAsync(cancellation)) return NotFound();
            Problems.From(written.Errors).AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["Organisations.RaisedOnBehalf"]);
        return RedirectToPage("/Concerns/Detail", new { city = CitySlug, id = concern.ConcernId });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Organisation = await reader.FindAsync(session, CitySlug, RouteId, User, cancellation);
        return Organisation is not null;
    }
}
