using Platform.Api.IndicatorProposals;
using Platform.Domain.IndicatorProposals;

namespace Platform.Api.Pages.IndicatorProposals;

/// <summary>
/// A resident (or an account acting for a verified organisation of the city) proposes an indicator: the page sends the
/// API's command to <see cref="IndicatorProposalHandler"/>; same policy, same refusals, next to the fields.
/// </summary>
[Authorize(Policy = Policies.Resident)]
public sealed class ProposeIndicatorModel(CityDirectory directory, IDocumentStore store, IndicatorProposalHandler handler, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Right { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Why { get; set; }
    [BindProperty] public string? VariantOf { get; set; }

    /// <summary>Whether the proposal will be shown as an organisation's (the caller acts for one in this city).</summary>
    public bool AsOrganisation => IndicatorProposalHandler.ProposerOf(User, CitySlug) == ProposedBy.Organisation;

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        var command = new ProposeIndicator(Guid.CreateVersion7(), User.AccountId(), IndicatorProposalHandler.ProposerOf(User, CitySlug),
            new IndicatorProposalInput(Name, Right, Type, Unit, Source, Why, VariantOf));
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
        {
            Problems.From(written.Errors).AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["IndicatorProposals.Proposed"]);
        return RedirectToPage("/IndicatorProposals/Detail", new { city = CitySlug, id = command.ProposalId });
    }
}
