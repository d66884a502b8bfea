using Platform.Api.Commitments;
using Platform.Api.GoodPractices;
using Platform.Api.Monitoring;
using Platform.Domain.GoodPractices;

namespace Platform.Api.Pages.Practices;

/// <summary>
/// An official revises one of the city's practices (a new version; the earlier ones are kept) or withdraws it from the
/// library, through <see cref="GoodPracticeHandler"/> as the API does. Another city's practice is not found here.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class EditPracticeModel(CityDirectory directory, IDocumentStore store, MonitoringReader monitoring, CommitmentReader commitments,
    GoodPracticeHandler handler, GoodPracticeReader reader, IStringLocalizer<Text> text) : PracticeFormModel(directory, store, monitoring, commitments)
{
    [BindProperty] public string? Reason { get; set; }

    public PracticeDetails Practice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        Fill(Practice);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        Written written;
        await using (var session = Store.LightweightSession(CitySlug))
            written = UnreadableCommitment() ?? await handler.Handle(new RevisePractice(RouteId, User.AccountId(), Input()), session, cancellation);
        return await AnswerAsync(written, text["Knowledge.Practice.Revised"], cancellation);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        Written written;
        await using (var session = Store.LightweightSession(CitySlug))
            written = await handler.Handle(new WithdrawPractice(RouteId, User.AccountId(), Reason), session, cancellation);
        return await AnswerAsync(written, text["Knowledge.Practice.WithdrawnDone"], cancellation, keep: true);
    }

    /// <summary>A success goes to the city's practices with <paramref name="confirmation"/>; a refusal shows the form again with the problem.</summary>
    private async Task<IActionResult> AnswerAsync(Written written, string confirmation, CancellationToken cancellation, bool keep = false)
    {
        if (!written.IsRefused)
        {
            TempData.Confirm(confirmation);
            return Redirect($"/cities/{CitySlug}/practices");
        }
        if (!await LoadAsync(cancellation)) return NotFound();
        if (keep) Fill(Practice);
        written.Problem.Problem()!.AddTo(ModelState, text);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using (var session = Store.QuerySession(CitySlug))
            if (await reader.OwnAsync(session, RouteId, cancellation) is { } practice) Practice = practice;
            else return false;
        await LoadChoicesAsync(cancellation);
        return true;
    }
}
