using Platform.Api.Assessments;
using Platform.Domain.Assessments;

namespace Platform.Api.Pages.Assessments;

/// <summary>
/// The city's way to recognition, public: its stage (a candidate once it declared its commitment and started its first
/// self-assessment), what the next level needs (the rules its latest submitted cycle does not meet yet), and every award.
/// Officials record the city's declaration here through <see cref="AssessmentHandler"/>, as the API does.
/// </summary>
public sealed class RecognitionModel(CityDirectory directory, IDocumentStore store, AssessmentHandler handler, IAuthorizationService authorization,
    IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty] public string? DecidedOn { get; set; }
    [BindProperty] public string? DecisionUrl { get; set; }

    public CityRecognition Recognition { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        var decidedOn = FormValues.Day(DecidedOn, "decidedOn");
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await decidedOn.Or(() => handler.Handle(new DeclareHumanRightsCommitment(AssessmentStream.Declaration(CitySlug), CitySlug, User.AccountId(),
                decidedOn.Value, DecisionUrl), session, cancellation));
        return await ShowAnswerAtAsync($"/cities/{CitySlug}/recognition", written, text["Recognition.Declared"],
            async () => { await LoadAsync(cancellation); return true; }, text);
    }

    private async Task LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Recognition = await AssessmentReader.RecognitionAsync(session, CitySlug, cancellation);
    }
}
