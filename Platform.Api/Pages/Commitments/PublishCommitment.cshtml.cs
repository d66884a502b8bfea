using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Domain.Commitments;

namespace Platform.Api.Pages.Commitments;

/// <summary>
/// An official publishes a commitment through <see cref="CommitmentHandler"/>, as the API does: rights and SDG targets from
/// the shared tag fields, indicator codes, department, due date, budget, a parent commitment, and the concerns
/// it answers. Refusals come back as the API's problem details next to the fields. Same policy as the endpoint.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class PublishCommitmentModel(CityDirectory directory, IDocumentStore store, IMessageBus bus, CommitmentReader reader,
    CommitmentHandler handler, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Rights { get; set; } = [];
    [BindProperty(Name = "sdgTargets")] public List<string> SdgTargetsChosen { get; set; } = [];
    [BindProperty] public string? IndicatorCodes { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public string? DueDate { get; set; }
    [BindProperty] public string? Budget { get; set; }
    [BindProperty] public string? ParentId { get; set; }
    [BindProperty] public string? Origins { get; set; }

    /// <summary>The city's active commitments that may take sub-commitments (not themselves sub-commitments).</summary>
    public IReadOnlyList<CommitmentDetails> Parents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadParentsAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        var budget = FormValues.Amount(Budget, "budget", "The budget is an amount from 0 (or leave it out)."); // a page text, translated with the refusals
        var (concerns, unreadable) = Officials.Ids(Origins);
        foreach (var piece in unreadable) ModelState.AddModelError("origins", text["'{0}' is not the id or address of a concern.", piece]);
        var parent = FormValues.Id(ParentId, "parentId");
        var dueDate = FormValues.Day(DueDate, "dueDate");
        Posted.All(budget, parent, dueDate).Refusal?.Problem.Problem()!.AddTo(ModelState, text);
        if (!ModelState.IsValid)
        {
            await LoadParentsAsync(cancellation);
            return Page();
        }

        var codes = (IndicatorCodes ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(code => (string?)code.ToUpperInvariant()).ToList();
        var input = new CommitmentInput(Title, Description, Rights, SdgTargetsChosen, codes, Department, dueDate.Value, budget.Value,
            concerns.Select(id => (OriginInput?)new OriginInput(OriginKind.Concern, id)).ToList(), parent.Value);
        var id = Guid.CreateVersion7();
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new PublishCommitment(id, User.AccountId(), input), session, bus, cancellation);
        if (written.IsRefused)
        {
            written.Problem.Problem()!.AddTo(ModelState, text);
            await LoadParentsAsync(cancellation);
            return Page();
        }
        TempData.Confirm(text["The commitment is published. Report its progress here as the work goes on."]);
        return RedirectToPage("/Commitments/Commitment", new { city = CitySlug, id });
    }

    private async Task LoadParentsAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var (items, _) = await reader.ListAsync(session, CitySlug, new CommitmentQuery(Page: 1, PageSize: 100), cancellation);
        Parents = items.Where(c => c.Phase == CommitmentPhase.Active && c.ParentId is null).OrderBy(c => c.Title, StringComparer.CurrentCulture).ToList();
    }
}
