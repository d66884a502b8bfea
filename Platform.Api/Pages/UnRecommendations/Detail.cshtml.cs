using Platform.Api.Commitments;
using Platform.Api.UnRecommendations;
using Platform.Domain.UnRecommendations;

namespace Platform.Api.Pages.UnRecommendations;

/// <summary>
/// One UN recommendation: what it asks, the city's answer, the commitments that follow it up and the follow-up reports.
/// Officials of the city answer it, report follow-up and link commitments here through <see cref="UnRecommendationHandler"/>,
/// as the API does (the shared <c>_RecommendationForms</c>).
/// </summary>
public sealed class DetailModel(CityDirectory directory, IDocumentStore store, UnRecommendationReader reader, UnRecommendationHandler handler,
    CommitmentReader commitments, IAuthorizationService authorization, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const string Prefix = "un";

    public UnRecommendationDetails Recommendation { get; private set; } = null!;

    /// <summary>The officials' forms, when the visitor is an official of the city.</summary>
    public RecommendationForms? Forms { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellation) =>
        ActAsync(RecommendationForms.Answer, text["Recommendations.Answered"], (register, official) =>
            new AnswerUnRecommendation(register, RouteId, official, Form("response"), Form("note")), handler.Handle, cancellation);

    public Task<IActionResult> OnPostFollowUpAsync(CancellationToken cancellation)
    {
        var date = FormValues.Day(Form("date"), "date");
        return ActAsync(RecommendationForms.FollowUp, text["Recommendations.FollowedUp"], (register, official) =>
            new ReportUnRecommendationFollowUp(register, RouteId, official, Form("text"), date.Value, Form("status")),
            date.Or<ReportUnRecommendationFollowUp>(handler.Handle), cancellation);
    }

    public Task<IActionResult> OnPostLinkAsync(CancellationToken cancellation)
    {
        var commitment = FormValues.Id(Form("commitmentId"), "commitmentId");
        return ActAsync(RecommendationForms.Link, text["Recommendations.Linked"], (register, official) =>
            new LinkUnRecommendationToCommitment(register, RouteId, official, commitment.Value), commitment.Or<LinkUnRecommendationToCommitment>(handler.Handle), cancellation);
    }

    private string? Form(string field) => Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>Checks the official's role, hands the command to the handler with a session of the city, and redirects with a confirmation or shows the refusal next to the form's fields.</summary>
    private async Task<IActionResult> ActAsync<TCommand>(string form, string confirmation, Func<Guid, Guid, TCommand> command,
        Func<TCommand, IDocumentSession, CancellationToken, Task<Written>> handle, CancellationToken cancellation)
    {
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handle(command(UnRecommendationRules.RegisterOf(CitySlug), User.AccountId()), session, cancellation);
        return await ShowAnswerAsync(written, confirmation, () => LoadAsync(cancellation), text, RecommendationForms.FieldsOf(Prefix, form));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await reader.FindAsync(session, CitySlug, RouteId, cancellation) is not { } recommendation) return false;
        Recommendation = recommendation;
        if (User.IsOfficialOf(CitySlug))
        {
            var (items, _) = await commitments.ListAsync(session, CitySlug, new CommitmentQuery(PageSize: CommitmentReader.MaxPageSize), cancellation);
            Forms = new RecommendationForms(Prefix, recommendation.Id, recommendation.Response,
                items.Where(c => !recommendation.Commitments.Any(l => l.Id == c.Id)).Select(c => (c.Id, c.Title)).ToList());
        }
        return true;
    }
}
