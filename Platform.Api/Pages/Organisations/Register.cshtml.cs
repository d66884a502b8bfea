using Platform.Api.Organisations;
using Platform.Domain.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// A member of the city registers an organisation: the page sends the API's command to <see cref="OrganisationHandler"/>
/// and shows its refusals next to the fields. Same policy as the endpoint.
/// </summary>
[Authorize(Policy = Policies.Resident)]
public sealed class RegisterOrganisationModel(CityDirectory directory, IDocumentStore store, OrganisationHandler handler, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Website { get; set; }
    [BindProperty] public List<string> Groups { get; set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid
        var command = new RegisterOrganisation(Guid.CreateVersion7(), User.AccountId(), Name, Kind, Description, Website, Groups);
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            Problems.From(written.Errors).AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["Organisations.Registered"]);
        return RedirectToPage("/Organisations/Detail", new { city = CitySlug, id = command.OrganisationId });
    }
}
