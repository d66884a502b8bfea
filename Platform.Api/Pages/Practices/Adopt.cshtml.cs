using Platform.Api.GoodPractices;
using Platform.Domain.GoodPractices;

namespace Platform.Api.Pages.Practices;

/// <summary>
/// An official of the city says the city adopted another city's practice (with a note), or takes it back, through
/// <see cref="GoodPracticeHandler"/> as the API does. The city is the route's; the practice is found in the library.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class AdoptPracticeModel(CityDirectory directory, IDocumentStore store, GoodPracticeHandler handler, GoodPracticeReader reader,
    IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Note { get; set; }

    public PracticeDetails Practice { get; private set; } = null!;

    /// <summary>The city says it adopted the practice already.</summary>
    public bool Adopted => Practice.Adoptions.Any(a => a.City == CitySlug);

    /// <summary>The practice is the city's own: it is adopted by others, not by itself.</summary>
    public bool Own => Practice.City == CitySlug;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new AdoptPractice(RouteId, CitySlug, User.AccountId(), Note), session, cancellation);
        return await AnswerAsync(written, text["Knowledge.Adopt.Done", City.Name()], cancellation);
    }

    public async Task<IActionResult> OnPostUndoAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new UndoPracticeAdoption(RouteId, CitySlug, User.AccountId()), session, cancellation);
        return await AnswerAsync(written, text["Knowledge.Adopt.Undone", City.Name()], cancellation);
    }

    private async Task<IActionResult> AnswerAsync(Written written, string confirmation, CancellationToken cancellation)
    {
        if (!written.IsRefused)
        {
            TempData.Confirm(confirmation);
            return Redirect($"/cities/{CitySlug}/practices");
        }
        if (!await LoadAsync(cancellation)) return NotFound();
        written.Problem.Problem()!.AddTo(ModelState, text);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        if (await reader.FindAsync(session, RouteId, cancellation) is not { } practice) return false;
        Practice = practice;
        return true;
    }
}
