using Platform.Api.Proposals;
using Platform.Domain.Proposals;

namespace Platform.Api.Pages.Proposals;

/// <summary>A resident submits a proposal: the page sends the API's command to <see cref="ProposalHandler"/>; same policy, same refusals.</summary>
[Authorize(Policy = Policies.Resident)]
public sealed class SubmitProposalModel(CityDirectory directory, IDocumentStore store, ProposalHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty] public List<string> SdgTargets { get; set; } = [];
    [BindProperty] public string? District { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        var command = new SubmitProposal(Guid.CreateVersion7(), User.AccountId(), Title, Description, Rights, SdgTargets, District);
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            Problems.From(written.Errors).AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["Your proposal is submitted. Residents can now support it."]);
        return RedirectToPage("/Proposals/Detail", new { city = CitySlug, id = command.ProposalId });
    }
}
