using Platform.Api.Consultations;
using Platform.Domain.Consultations;

namespace Platform.Api.Pages.Consultations;

/// <summary>
/// An official drafts a consultation (title, description) through <see cref="ConsultationHandler"/>, as the API does. The API
/// takes the questions when the consultation opens, so they are written on the draft's page, with the window.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class DraftConsultationModel(CityDirectory directory, IDocumentStore store, ConsultationHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        var id = Guid.CreateVersion7();
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new DraftConsultation(id, User.AccountId(), Title, Description), session, cancellation);
        if (written.IsRefused)
        {
            written.Problem.Problem()!.AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["The consultation is drafted. Write its questions and open it when it is ready."]);
        return RedirectToPage("/Consultations/Detail", new { city = CitySlug, id });
    }
}
