using Platform.Api.Organisations;
using Platform.Domain.Monitoring;
using Platform.Domain.Organisations;
using Platform.Projections.Commitments;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// What the pages that publish and correct a shadow report share: the form's fields (the API's names), the city's
/// indicators and commitments a report may link to, and the way a refusal is shown (the decider decides what is valid).
/// </summary>
public abstract class ShadowReportFormModel(CityDirectory directory, IDocumentStore store, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Indicators { get; set; }
    [BindProperty] public string? Commitments { get; set; }
    [BindProperty] public string? Assessment { get; set; }
    [BindProperty] public List<string> IndicatorCodes { get; set; } = [];
    [BindProperty] public List<Guid> CommitmentIds { get; set; } = [];

    /// <summary>The city's indicators (code, name) and commitments (id, title) the form offers to link to.</summary>
    public IReadOnlyList<(string Code, string Name)> IndicatorChoices { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Title)> CommitmentChoices { get; private set; } = [];

    protected IDocumentStore Store => store;
    protected IStringLocalizer<Text> Localizer => text;

    protected ShadowReportDraft Draft => new(Title, Indicators, Commitments, Assessment, IndicatorCodes, CommitmentIds);

    /// <summary>Fills the form with a version (a correction starts from the text as it stands).</summary>
    protected void Fill(ShadowReportText version)
    {
        Title = version.Title;
        Indicators = version.Indicators;
        Commitments = version.Commitments;
        Assessment = version.Assessment;
        IndicatorCodes = [.. version.IndicatorCodes];
        CommitmentIds = [.. version.CommitmentIds];
    }

    protected async Task LoadChoicesAsync(IQuerySession session, CancellationToken cancellation)
    {
        IndicatorChoices = (await session.Query<IndicatorSeries>().OrderBy(s => s.Code).ToListAsync(cancellation)).Select(s => (s.Code, s.Definition.Name)).ToList();
        CommitmentChoices = (await session.Query<CommitmentView>().OrderBy(c => c.Title).ToListAsync(cancellation)).Select(c => (c.Id, c.Title)).ToList();
    }

    /// <summary>A refused write: the page again (<paramref name="reload"/> false: 404), with the problem next to the fields.</summary>
    protected async Task<IActionResult> RefusedAsync(Written written, Func<Task<bool>> reload)
    {
        if (!await reload()) return NotFound();
        Problems.From(written.Errors).AddTo(ModelState, text);
        return Page();
    }
}
