using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Proposals;
using Platform.Api.Web;
using Platform.Domain.Proposals;

namespace Platform.Api.Pages.Proposals;

/// <summary>A resident submits a proposal through the API's submit endpoint method; same policy, same refusals.</summary>
[Authorize(Policy = Policies.Resident)]
public sealed class SubmitProposalModel(CityDirectory directory, IDocumentStore store, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty] public List<string> SdgTargets { get; set; } = [];
    [BindProperty] public string? District { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the endpoint decides what is valid, not model binding
        await using var session = store.LightweightSession(CitySlug);
        var answer = await SubmitProposalEndpoint.Post(new SubmitProposal(Title, Description, Rights, SdgTargets, District), CitySlug, User, Cities, session, clock, cancellation);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["Your proposal is submitted. Residents can now support it."]);
        return RedirectToPage("/Proposals/Detail", new { city = CitySlug, id = answer.Value<SubmittedProposal>()!.Id });
    }
}
