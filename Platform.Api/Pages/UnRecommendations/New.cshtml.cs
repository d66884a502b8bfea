using Platform.Api.UnRecommendations;
using Platform.Domain.UnRecommendations;

namespace Platform.Api.Pages.UnRecommendations;

/// <summary>
/// An official records one UN recommendation through <see cref="UnRecommendationHandler"/>, as the API does; refusals come
/// back as the API's problem details next to the fields. Same policy as the endpoint.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class NewModel(CityDirectory directory, IDocumentStore store, UnRecommendationHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Cycle { get; set; }
    [BindProperty] public string? Paragraph { get; set; }
    [BindProperty(Name = "text")] public string? Recommendation { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty(Name = "sdgTargets")] public List<string> SdgTargetsChosen { get; set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        var id = Guid.CreateVersion7();
        var command = new RecordUnRecommendation(UnRecommendationRules.RegisterOf(CitySlug), CitySlug, id, User.AccountId(),
            new UnRecommendationInput(Source, Cycle, Paragraph, Recommendation, Rights, SdgTargetsChosen));
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            written.Problem.Problem()!.AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["UnRecommendations.Recorded"]);
        return Redirect($"/cities/{CitySlug}/un-recommendations/{id}");
    }
}
