using Platform.Api.Assessments;
using Platform.Api.Commitments;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;

namespace Platform.Api.Pages.Assessments;

/// <summary>
/// One assessment cycle, public once submitted (a draft only for the city's officials, as the API shows it): every framework
/// item by section with its level, evidence and note; the peer review; the recognitions. The city's officials assess items
/// and submit the draft here, and answer the review's recommendations, report follow-up and link commitments, each through
/// <see cref="AssessmentHandler"/> with the same commands the API sends.
/// </summary>
public sealed class CycleModel(CityDirectory directory, IDocumentStore store, AssessmentReader reader, AssessmentHandler handler,
    CommitmentReader commitments, IAuthorizationService authorization, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public string CycleName => RequestCity.RouteText(HttpContext, "cycle");

    public AssessmentDetails Assessment { get; private set; } = null!;

    /// <summary>The visitor is an official of the city (the forms are theirs).</summary>
    public bool Official => User.IsOfficialOf(CitySlug);

    /// <summary>The city's commitments a supported recommendation may be linked to.</summary>
    public IReadOnlyList<(Guid Id, string Title)> Commitments { get; private set; } = [];

    public static readonly AssessmentLevel[] Levels = Enum.GetValues<AssessmentLevel>();
    public static readonly FrameworkSection[] Sections = Enum.GetValues<FrameworkSection>();

    /// <summary>The id of an item form's field: <c>i-A1-level</c>.</summary>
    public static string ItemField(string item, string field) => $"i-{item}-{field}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssessAsync(CancellationToken cancellation)
    {
        var item = Form("item") ?? "";
        return ActAsync(route => new AssessElement(route.Id, route.Caller, item, Form("level"), Officials.Lines(Form("evidence")).Select(l => (string?)l).ToList(),
                Form("note")), handler.Handle, text["Assessments.Assessed", item],
            field => EndpointAnswers.FormField(field) is { Length: > 0 } name ? ItemField(item, name) : "", cancellation);
    }

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellation) =>
        ActAsync(route => new SubmitAssessment(route.Id, route.Caller), handler.Handle, text["Assessments.Submitted"], null, cancellation);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellation) =>
        ActAsync(route => new AnswerRecommendation(route.Id, Recommendation, route.Caller, Form("response"), Form("note")), handler.Handle,
            text["Recommendations.Answered"], Fields(RecommendationForms.Answer), cancellation);

    public Task<IActionResult> OnPostFollowUpAsync(CancellationToken cancellation)
    {
        var date = FormValues.Day(Form("date"), "date");
        return ActAsync(route => new ReportFollowUp(route.Id, Recommendation, route.Caller, Form("text"), date.Value, Form("status")),
            date.Or<ReportFollowUp>(handler.Handle), text["Recommendations.FollowedUp"], Fields(RecommendationForms.FollowUp), cancellation);
    }

    public Task<IActionResult> OnPostLinkAsync(CancellationToken cancellation)
    {
        var commitment = FormValues.Id(Form("commitmentId"), "commitmentId");
        return ActAsync(route => new LinkCommitment(route.Id, Recommendation, route.Caller, commitment.Value), commitment.Or<LinkCommitment>(handler.Handle),
            text["Recommendations.Linked"], Fields(RecommendationForms.Link), cancellation);
    }

    private Guid Recommendation => Guid.TryParse(Form("recommendationId"), out var id) ? id : Guid.Empty;

    private Func<string, string> Fields(string form) => RecommendationForms.FieldsOf(RecommendationForms.PrefixOf(Recommendation), form);

    private string? Form(string field) => Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>Checks the official's role, hands the command to the handler with a session of the city, and redirects back or shows the refusal next to the form's fields.</summary>
    private async Task<IActionResult> ActAsync<TCommand>(Func<AssessmentRoute, TCommand> command, Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> handle,
        string confirmation, Func<string, string>? fields, CancellationToken cancellation)
    {
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        var route = AssessmentRoute.Of(CitySlug, CycleName, User);
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handle(command(route), session, cancellation);
        return await ShowAnswerAtAsync($"/cities/{CitySlug}/assessments/{Uri.EscapeDataString(CycleName)}", written, confirmation,
            () => LoadAsync(cancellation), text, fields);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await reader.FindAsync(session, CitySlug, CycleName, User.Caller(), cancellation) is not { } assessment) return false;
        Assessment = assessment;
        if (Official && assessment.Stage == AssessmentStage.Reviewed)
        {
            var (items, _) = await commitments.ListAsync(session, CitySlug, new CommitmentQuery(PageSize: CommitmentReader.MaxPageSize), cancellation);
            Commitments = items.Select(c => (c.Id, c.Title)).ToList();
        }
        return true;
    }
}
