using Platform.Api.Assessments;
using Platform.Domain.Assessments;
using Platform.Projections.Assessments;

namespace Platform.Api.Pages.Assessments;

/// <summary>
/// The city's assessment cycles (drafts for its officials only, as the API lists them), and the officials' form to start
/// one through <see cref="AssessmentHandler"/>, as the API does.
/// </summary>
public sealed class IndexModel(CityDirectory directory, IDocumentStore store, AssessmentHandler handler, IAuthorizationService authorization,
    IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Cycle { get; set; }

    public IReadOnlyList<AssessmentSummary> Cycles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        var route = AssessmentRoute.Of(CitySlug, Cycle, User);
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new StartAssessment(route.Id, CitySlug, Cycle, route.Caller), session, cancellation);
        return await ShowAnswerAtAsync($"/cities/{CitySlug}/assessments/{AssessmentRules.NormaliseCycle(Cycle)}", written, text["Assessments.Started"],
            async () => { await LoadAsync(cancellation); return true; }, text);
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        var caller = User.Caller();
        await using var session = store.QuerySession(CitySlug);
        var views = await session.Query<AssessmentView>().OrderByDescending(a => a.StartedAt).ToListAsync(cancellation);
        Cycles = views.Where(v => AssessmentReader.MaySee(v, caller)).Select(AssessmentReader.Summary).ToList();
    }
}
