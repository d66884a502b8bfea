using Platform.Api.EqualParticipation;
using Platform.Domain.EqualParticipation;

namespace Platform.Api.Pages.EqualParticipation;

/// <summary>
/// An official or an organisation of the city raises a concern on behalf of a resident met offline, with the
/// resident's consent noted (docs/participation.md): the form goes to the <see cref="AssistanceHandler"/> the API uses.
/// </summary>
[Authorize(Policy = Policies.OfficialOrOrganisation)]
public sealed class AssistedConcernModel(CityDirectory directory, IDocumentStore store, AssistanceHandler handler, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty] public List<string> SdgTargets { get; set; } = [];
    [BindProperty] public string? District { get; set; }
    [BindProperty] public List<string> Groups { get; set; } = [];
    [BindProperty] public bool Anonymous { get; set; }
    [BindProperty(Name = "resident.email")] public string? Email { get; set; }
    [BindProperty(Name = "resident.offlineResidentId")] public string? OfflineResident { get; set; }
    [BindProperty(Name = "resident.name")] public string? Name { get; set; }
    [BindProperty] public string? ConsentNote { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the rules decide what is valid
        var offline = FormValues.Id(OfflineResident, "resident.offlineResidentId", FormValues.UnreadableOfflineResident);
        var (done, errors) = await offline.Or(async () =>
        {
            var request = new AssistedConcernRequest(new AssistedResidentInput(Email, offline.Value, Name), ConsentNote, Title, Description, Rights, SdgTargets,
                District, Anonymous, Groups);
            await using var session = store.LightweightSession(CitySlug);
            return await handler.RaiseAsync(request, User.AccountId(), AssistanceHandler.AssistedAs(User, CitySlug), session, cancellation);
        });
        if (done is null)
        {
            Problems.From(errors).AddTo(ModelState, text, field => field == "resident" ? "resident.name" : EndpointAnswers.FormField(field));
            return Page();
        }
        TempData.Confirm(done.OfflineResidentId is { } id ? text["Participation.Assist.DoneNew", id] : text["Participation.Assist.Done"]);
        return RedirectToPage("/Concerns/Detail", new { city = CitySlug, id = done.ItemId });
    }
}
