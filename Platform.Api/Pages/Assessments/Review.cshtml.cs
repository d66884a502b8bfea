using Platform.Api.Assessments;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;

namespace Platform.Api.Pages.Assessments;

/// <summary>
/// The peer review the route's city writes of another city's cycle (<c>{reviewed}</c>, <c>{cycle}</c>): its officials record
/// findings, draft recommendations and submit the review here through <see cref="AssessmentHandler"/>, with the commands the
/// API sends. The route's city is the reviewing one, so the page asks for its officials (the policy the endpoints' rules
/// come to: only officials of the assigned reviewing city write the review), and the rules check the assignment.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class ReviewModel(CityDirectory directory, IDocumentStore store, AssessmentReader reader, AssessmentHandler handler,
    IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public string Reviewed => RequestCity.RouteText(HttpContext, "reviewed");
    public string CycleName => RequestCity.RouteText(HttpContext, "cycle");

    public City ReviewedCity { get; private set; } = null!;
    public AssessmentDetails Assessment { get; private set; } = null!;
    public ReviewDetails Review => Assessment.Review!;

    public IReadOnlyList<FrameworkItem> Items => FrameworkCatalogue.Default.Items;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostFindingAsync(CancellationToken cancellation) =>
        ActAsync(route => new RecordFinding(route.Id, route.Caller, Form("item"), Form("finding")), handler.Handle,
            text["Assessments.FindingRecorded"], "finding", cancellation);

    public Task<IActionResult> OnPostRecommendAsync(CancellationToken cancellation) =>
        ActAsync(route => new DraftRecommendation(route.Id, Guid.CreateVersion7(), route.Caller, Form("text"), Form("item"),
            Request.Form["rights"].Select(r => (string?)r).ToList()), handler.Handle, text["Assessments.RecommendationDrafted"], "recommend", cancellation);

    public Task<IActionResult> OnPostSubmitAsync(CancellationToken cancellation) =>
        ActAsync(route => new SubmitPeerReview(route.Id, route.Caller), handler.Handle, text["Assessments.ReviewSubmittedConfirmation"], "submit", cancellation);

    private string? Form(string field) => Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>Hands the command to the handler with a session of the reviewed city, and redirects back or shows the refusal next to the form's fields.</summary>
    private async Task<IActionResult> ActAsync<TCommand>(Func<AssessmentRoute, TCommand> command, Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> handle,
        string confirmation, string form, CancellationToken cancellation)
    {
        if (await Cities.FindAsync(Reviewed, cancellation) is null) return NotFound();
        var route = AssessmentRoute.Of(Reviewed, CycleName, User);
        Written written;
        await using (var session = store.LightweightSession(Reviewed))
            written = await handle(command(route), session, cancellation);
        return await ShowAnswerAtAsync($"/cities/{CitySlug}/peer-reviews/{Uri.EscapeDataString(Reviewed)}/{Uri.EscapeDataString(CycleName)}",
            written, confirmation, () => LoadAsync(cancellation), text, field => EndpointAnswers.FormField(field) is { Length: > 0 } name ? $"{form}-{name}" : "");
    }

    /// <summary>The reviewed city's cycle, when the route's city is its assigned reviewer (else not found).</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (await Cities.FindAsync(Reviewed, cancellation) is not { } reviewed) return false;
        ReviewedCity = reviewed;
        await using var session = store.QuerySession(Reviewed);
        var assessment = await reader.FindAsync(session, Reviewed, CycleName, User.Caller(), cancellation);
        if (assessment is null || assessment.Review?.ReviewerCity != CitySlug) return false;
        Assessment = assessment;
        return true;
    }
}
