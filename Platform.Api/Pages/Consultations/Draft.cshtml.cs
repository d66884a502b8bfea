using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Consultations;
using Platform.Api.Web;
using Platform.Domain.Consultations;

namespace Platform.Api.Pages.Consultations;

/// <summary>
/// An official drafts a consultation (title, description) through the API's draft endpoint method. The API
/// takes the questions when the consultation opens, so they are written on the draft's page, with the window.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class DraftConsultationModel(CityDirectory directory, IDocumentStore store, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        await using var session = store.LightweightSession(CitySlug);
        var answer = await DraftConsultationEndpoint.Post(new DraftConsultation(Title, Description), CitySlug, User, session, clock, cancellation);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["The consultation is drafted. Write its questions and open it when it is ready."]);
        return RedirectToPage("/Consultations/Detail", new { city = CitySlug, id = answer.Value<DraftedConsultation>()!.Id });
    }
}
