using Platform.Api.Concerns;
using Platform.Domain.Concerns;

namespace Platform.Api.Pages.Concerns;

/// <summary>
/// A resident raises a concern (also anonymously): the page sends the API's command to <see cref="ConcernHandler"/>;
/// refusals come back as the API's problem details and show next to the fields. Same policy as the endpoint.
/// </summary>
[Authorize(Policy = Policies.Resident)]
public sealed class RaiseConcernModel(CityDirectory directory, IDocumentStore store, ConcernHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty(Name = "sdgTargets")] public List<string> SdgTargetsChosen { get; set; } = [];
    [BindProperty] public string? District { get; set; }
    [BindProperty] public bool Anonymous { get; set; }
    /// <summary>The groups the concern affects (optional; docs/participation.md).</summary>
    [BindProperty] public List<string> Groups { get; set; } = [];

    /// <summary>A right's page links here with <c>?right=</c>: that right comes ticked (a code the catalogue lacks is ignored).</summary>
    public void OnGet([FromQuery(Name = "right")] string? right)
    {
        if (right is not null && Platform.Domain.Reference.ReferenceCatalogue.Default.IsRight(right)) Rights = [right];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        var command = new RaiseConcern(Guid.CreateVersion7(), User.AccountId(), Title, Description, Rights, SdgTargetsChosen, District, Anonymous) { Groups = Groups };
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            Problems.From(written.Errors).AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["Your concern is raised. Residents can now support it, and the council will answer it."]);
        return RedirectToPage("/Concerns/Detail", new { city = CitySlug, id = command.ConcernId });
    }
}
