using Microsoft.AspNetCore.Authentication;
using Platform.Api.IndicatorProposals;
using Platform.Api.Pages.Monitoring;
using Platform.Api.Participation;
using Platform.Domain.IndicatorProposals;
using Platform.Domain.Monitoring;
using Platform.Projections.Consultations;

namespace Platform.Api.Pages.IndicatorProposals;

/// <summary>
/// One proposed indicator with its supports and the city's decision. Residents support it (through the participation
/// writer, as the API does); officials of the city put it to a consultation, adopt it (the series it becomes is
/// adopted in the same transaction) or decline it with a reason: the page sends the API's commands to
/// <see cref="IndicatorProposalHandler"/>, and shows refusals next to the fields.
/// </summary>
[CachedForVisitors]
public sealed class IndicatorProposalDetailModel(CityDirectory directory, IDocumentStore store, IndicatorProposalReader reader,
    IndicatorProposalHandler handler, ParticipationHandler participation, IAuthorizationService authorization, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    /// <summary>Field ids of the officials' forms; the API's names (<c>baseline.period</c>, <c>reason</c>) map to them.</summary>
    public const string BaselinePeriodField = "baseline-period", BaselineValueField = "baseline-value", DeclineReasonField = "decline-reason";

    public Guid Id => RouteId;

    [BindProperty] public string? ConsultationId { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? UnitKind { get; set; }
    [BindProperty] public string? Direction { get; set; }
    [BindProperty] public string? DataSource { get; set; }
    [BindProperty(Name = BaselinePeriodField)] public string? BaselinePeriod { get; set; }
    [BindProperty(Name = BaselineValueField)] public string? BaselineValue { get; set; }
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? TargetYear { get; set; }
    [BindProperty(Name = DeclineReasonField)] public string? DeclineReason { get; set; }

    public IndicatorProposalDetails? Proposal { get; private set; }
    public bool Supporting { get; private set; }
    /// <summary>The consultation it was put to (its title), when one.</summary>
    public string? ConsultationTitle { get; private set; }
    /// <summary>The city's consultations an official may put it to, newest first.</summary>
    public IReadOnlyList<(Guid Id, string Title)> Consultations { get; private set; } = [];
    public bool MayDecide => User.HoldsRole(CitySlug, CityRole.Official) && Proposal is { Undecided: true };
    public bool AcceptsSupport => Proposal is { Undecided: true };

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellation) =>
        ParticipateAsync(async () => (await participation.Handle(new SupportIndicatorProposal(Id, User.ParticipantId())
                { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident), VerifiedEmail = User.HasVerifiedEmail() },
            CitySlug, scope: null, cancellation)).Written, text["IndicatorProposals.Supported"], cancellation);

    public Task<IActionResult> OnPostWithdrawSupportAsync(CancellationToken cancellation) =>
        ParticipateAsync(async () => (await participation.Handle(new WithdrawIndicatorProposalSupport(Id, User.ParticipantId()), CitySlug, scope: null, cancellation))
            .Written, text["IndicatorProposals.SupportWithdrawn"], cancellation);

    public Task<IActionResult> OnPostConsultAsync(CancellationToken cancellation)
    {
        var consultation = FormValues.Id(ConsultationId, "consultationId");
        return DecideAsync(session => consultation.Or<PutIndicatorProposalToConsultation>(handler.Handle)(
                new PutIndicatorProposalToConsultation(Id, User.AccountId(), consultation.Value), session, cancellation),
            field => field == "consultationId" ? "consultationId" : "", text["IndicatorProposals.PutToConsultation"], cancellation);
    }

    public Task<IActionResult> OnPostAdoptAsync(CancellationToken cancellation)
    {
        var (baselineValue, target) = (FormValues.Number(BaselineValue, "baseline.value"), FormValues.Number(Target, "target"));
        var year = FormValues.WholeNumber(TargetYear, "targetYear");
        var request = new AdoptIndicatorProposalRequest(Code, Blank(UnitKind), null, Blank(Direction), Blank(DataSource), null,
            new BaselineInput(BaselinePeriod, baselineValue.Value), target.Value, year.Value, Department);
        var read = Posted.All(baselineValue, target, year); // every field that cannot be read, at once
        return DecideAsync(session => read.Or(() => handler.Handle(Id, User.AccountId(), request, session, cancellation)), field => field switch
        {
            "baseline.period" => BaselinePeriodField,
            "baseline.value" or "baseline" => BaselineValueField,
            _ => EndpointAnswers.FormField(field),
        }, text["IndicatorProposals.AdoptedConfirmation"], cancellation);
    }

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellation) =>
        DecideAsync(session => handler.Handle(new DeclineIndicatorProposal(Id, User.AccountId(), DeclineReason), session, cancellation),
            field => field == "reason" ? DeclineReasonField : "", text["IndicatorProposals.DeclinedConfirmation"], cancellation);

    /// <summary>An official's decision: the endpoint's policy first, then the command; refusals next to the form's fields.</summary>
    private async Task<IActionResult> DecideAsync(Func<IDocumentSession, Task<Written>> send, Func<string, string> formField, string confirmation,
        CancellationToken cancellation)
    {
        if (await RefusalAsync(authorization, Policies.Official) is { } refused) return refused;
        ModelState.Clear(); // the decider decides what is valid
        await using var session = store.LightweightSession(CitySlug);
        return await ShowAnswerAsync(await send(session), confirmation, () => LoadAsync(cancellation), text, formField);
    }

    private async Task<IActionResult> ParticipateAsync(Func<Task<Written>> send, string confirmation, CancellationToken cancellation)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/indicators/proposals/{Id}" });
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
        {
            ModelState.AddModelError("", text["IndicatorProposals.OnlyResidents", City.Name()]);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        return await ShowAnswerAsync(await send(), confirmation, () => LoadAsync(cancellation), text);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Proposal = await reader.FindAsync(session, Id, User, cancellation);
        if (Proposal is null) return false;
        Supporting = await reader.SupportsAsync(session, Id, User, cancellation);
        if (Proposal.ConsultationId is { } linked) ConsultationTitle = (await session.LoadAsync<ConsultationView>(linked, cancellation))?.Title;
        if (MayDecide)
            Consultations = (await session.Query<ConsultationView>().OrderByDescending(c => c.DraftedAt).Take(100).ToListAsync(cancellation))
                .Select(c => (c.Id, c.Title)).ToList();
        return true;
    }

    private static string? Blank(string? input) => string.IsNullOrWhiteSpace(input) ? null : input.Trim();
}
