using Microsoft.AspNetCore.Authentication;
using Platform.Api.Participation;
using Platform.Api.Consultations;
using Platform.Api.EqualParticipation;
using Platform.Domain.EqualParticipation;
using Platform.Domain.Consultations;

namespace Platform.Api.Pages.Consultations;

/// <summary>
/// One consultation: residents answer its questions (radio buttons, checkboxes, a 1-5 scale, text) through
/// the API's respond endpoint methods (first answer, then amendments); results once it has closed.
/// Officials of the city open a draft here (its questions, in <see cref="QuestionSlots"/> slots, and its window),
/// see the results (with free-text answers) while it runs, and publish the outcome once it has closed.
/// While it takes answers, the city's officials and organisations answer it on behalf of a resident met offline, with the
/// resident's consent noted (docs/participation.md), through the API's <see cref="AssistanceHandler"/>.
/// </summary>
[CachedForVisitors]
public sealed class ConsultationDetailModel(CityDirectory directory, IDocumentStore store, ConsultationReader reader, ConsultationHandler handler,
    IAuthorizationService authorization, IMessageBus bus, ParticipationHandler participation, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    /// <summary>How many questions the open form offers; empty slots are left out.</summary>
    public const int QuestionSlots = 4;

    /// <summary>The kinds a question slot offers, in the order of the select.</summary>
    public static readonly QuestionKind[] Kinds = Enum.GetValues<QuestionKind>();

    public Guid Id => RouteId;

    public ConsultationDetails? Consultation { get; private set; }
    public ConsultationResults? Results { get; private set; }
    public MyResponse? Existing { get; private set; }
    private Dictionary<string, string[]> _posted = new();

    /// <summary>
    /// The form field of a question (its id in the API's answers is the question id), in the resident's own form, or with
    /// <see cref="AssistPrefix"/> in the assisted form of the same page.
    /// </summary>
    public static string FieldOf(string questionId, string form = "") => $"{form}q-{questionId}";

    /// <summary>The assisted answer's form (an official or organisation answers for a resident met offline): the prefix of its field ids.</summary>
    public const string AssistPrefix = "assist-";

    public const string AssistEmailField = AssistPrefix + "email", AssistNameField = AssistPrefix + "name", AssistOfflineField = AssistPrefix + "offline",
        AssistConsentField = AssistPrefix + "consent";

    /// <summary>The assisted form's fields naming the resident (one of the three), with their labels and lengths.</summary>
    public static readonly (string Field, string Label, int MaxLength)[] AssistResidentFields =
    [
        (AssistEmailField, "Participation.Assist.Email", AssistanceRules.EmailMaxLength),
        (AssistOfflineField, "Participation.Assist.OfflineId", AssistanceRules.OfflineResidentIdLength),
        (AssistNameField, "Participation.Assist.Name", AssistanceRules.NameMaxLength),
    ];

    /// <summary>An official or an organisation of the city may answer on behalf of a resident met offline while the consultation takes answers.</summary>
    public bool MayAssist => TakesAnswers && (User.HoldsRole(CitySlug, CityRole.Official) || User.HoldsRole(CitySlug, CityRole.Organisation));

    /// <summary>The page's two answer forms: the resident's own, and the assisted one (for a resident met offline).</summary>
    public enum AnswerForm { None, Own, Assisted }

    /// <summary>
    /// Which answer form was just refused, if any: its section shows the refusal even when the consultation no longer
    /// takes answers, and the officials' outcome form does not show it again.
    /// </summary>
    public AnswerForm Refused { get; private set; }

    /// <summary>What the form shows as chosen for a question: what was just posted, else (the resident's own form) their stored answer.</summary>
    public IReadOnlyCollection<string> Chosen(string questionId, string form = "")
    {
        if (_posted.TryGetValue(FieldOf(questionId, form), out var posted)) return posted;
        if (form.Length > 0) return [];
        var answer = Existing?.Answers.FirstOrDefault(a => a.QuestionId == questionId);
        if (answer is null) return [];
        return answer.Scale is { } scale ? [scale.ToString()] : answer.Text is { } written ? [written] : answer.Choices;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        // Whether it takes answers turns by the clock, with no event, at its opening (and at its closing, before the
        // scheduled close is written): a cached copy of the page is served until then at most.
        var now = clock.GetUtcNow();
        HttpContext.ChangesAt(Consultation!.OpensAt, now);
        HttpContext.ChangesAt(Consultation.ClosesAt, now);
        return Page();
    }

    /// <summary>The visitor is an official of the city: the officials' forms and the full results are shown.</summary>
    public bool IsOfficial => User.IsOfficialOf(CitySlug);

    /// <summary>A field the official just posted (so a refused form keeps what was written).</summary>
    public string Posted(string field) => Request.HasFormContentType && Request.Form.TryGetValue(field, out var value) ? value.ToString() : "";

    /// <summary>Opens the draft with the questions of the non-empty slots and the window (days in the city's time zone).</summary>
    public async Task<IActionResult> OnPostOpenAsync(CancellationToken cancellation)
    {
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        var questions = new List<QuestionInput?>();
        var slotOfQuestion = new List<int>();
        for (var slot = 1; slot <= QuestionSlots; slot++)
        {
            var questionText = Posted($"q{slot}-text");
            var options = Officials.Lines(Posted($"q{slot}-options"));
            if (string.IsNullOrWhiteSpace(questionText) && options.Count == 0) continue;
            QuestionKind? kind = Enum.TryParse<QuestionKind>(Posted($"q{slot}-kind"), out var parsed) ? parsed : null;
            questions.Add(new QuestionInput($"q{slot}", questionText, kind, options.Select(o => (string?)o).ToList()));
            slotOfQuestion.Add(slot);
        }
        var today = Officials.Today(City, clock);
        var (opensOn, closesOn) = (FormValues.Day(Posted("opensAt"), "opensAt"), FormValues.Day(Posted("closesAt"), "closesAt"));
        DateTimeOffset? opensAt = opensOn.Value is { } opens && opens != today ? Officials.StartOf(opens, City) : null;
        DateTimeOffset? closesAt = closesOn.Value is { } closes ? Officials.StartOf(closes.AddDays(1), City).AddMinutes(-1) : null;

        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = opensOn.Refusal ?? closesOn.Refusal
                ?? await handler.Handle(new OpenConsultation(Id, User.AccountId(), opensAt, closesAt, questions), session, bus, cancellation);
        // questions[1].options belongs to the slot the second question was written in.
        return await ShowAnswerAsync(written, text["The consultation is open. Residents can answer it now."], () => LoadAsync(cancellation), text, field =>
        {
            if (field == "questions") return "q1-text";
            if (!field.StartsWith("questions[") || !int.TryParse(field[10..field.IndexOf(']')], out var i) || i >= slotOfQuestion.Count)
                return EndpointAnswers.FormField(field);
            var part = field[(field.IndexOf(']') + 1)..].TrimStart('.');
            return $"q{slotOfQuestion[i]}-" + (part.StartsWith("options") ? "options" : part.StartsWith("kind") ? "kind" : "text");
        });
    }

    /// <summary>Publishes what the council made of the closed consultation, with the commitments that follow from it.</summary>
    public async Task<IActionResult> OnPostOutcomeAsync(CancellationToken cancellation)
    {
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        var (commitments, unreadable) = Officials.Ids(Posted("commitmentIds"));
        if (unreadable.Count > 0)
        {
            if (!await LoadAsync(cancellation)) return NotFound();
            foreach (var piece in unreadable) ModelState.AddModelError("commitmentIds", text["'{0}' is not the id or address of a commitment.", piece]);
            return Page();
        }
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new PublishConsultationOutcome(Id, User.AccountId(), Posted("summary"), commitments), session, cancellation);
        return await ShowAnswerAsync(written, text["The outcome is published."], () => LoadAsync(cancellation), text);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/consultations/{Id}" });
        if (!await LoadAsync(cancellation)) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
        {
            ModelState.AddModelError("", text["Only residents of {0} can answer its consultations.", City.Name()]);
            return Page();
        }

        var (answers, answerField) = PostedAnswers("");
        var command = new SubmitConsultationResponse(Id, User.ParticipantId(), answers, Amend: Existing is not null)
            { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident), VerifiedEmail = User.HasVerifiedEmail() };
        var answer = (await participation.Handle(command, CitySlug, scope: null, cancellation)).PageAnswer;
        if (answer.Problem() is { } problem)
        {
            Refused = AnswerForm.Own;
            problem.AddTo(ModelState, text, answerField);
            return Page();
        }
        TempData.Confirm(Existing is null ? text["Thank you: your answers are recorded."] : text["Your answers are updated."]);
        return RedirectToPage(new { city = CitySlug, id = Id });
    }

    /// <summary>
    /// Records an answer on behalf of a resident met offline (an official or an organisation of the city), through the
    /// API's <see cref="AssistanceHandler"/>: the same rules, the same consent note, and the assisting account in the
    /// consultation's history.
    /// </summary>
    public async Task<IActionResult> OnPostAssistAsync([FromServices] AssistanceHandler assistance, CancellationToken cancellation)
    {
        if (await RefusalAsync(authorization, Policies.OfficialOrOrganisation) is { } refused) return refused;
        if (!await LoadAsync(cancellation)) return NotFound();
        var (answers, answerField) = PostedAnswers(AssistPrefix);
        var offline = FormValues.Id(Posted(AssistOfflineField), "resident.offlineResidentId", FormValues.UnreadableOfflineResident);
        var written = await offline.Or(async () =>
        {
            var resident = new AssistedResidentInput(Check.Optional(Posted(AssistEmailField)), offline.Value, Check.Optional(Posted(AssistNameField)));
            var request = new AssistedResponseRequest(resident, Check.Optional(Posted(AssistConsentField)), answers);
            await using var session = store.LightweightSession(CitySlug);
            return await assistance.AnswerAsync(Id, CitySlug, request, User.AccountId(), AssistanceHandler.AssistedAs(User, CitySlug), session, cancellation);
        });
        var confirmation = written.Done?.OfflineResidentId is { } id ? text["Participation.Assist.DoneNew", id] : text["Participation.Assist.Done"];
        if (written.Done is null) Refused = AnswerForm.Assisted;
        return await ShowAnswerAsync(written.Done is null ? Problems.Result(written.Errors) : Microsoft.AspNetCore.Http.Results.NoContent(), confirmation, () => LoadAsync(cancellation), text,
            field => field switch
            {
                "resident.email" => AssistEmailField,
                "resident.name" or "resident" => AssistNameField,
                "resident.offlineResidentId" => AssistOfflineField,
                "consentNote" => AssistConsentField,
                _ => answerField(field),
            });
    }

    /// <summary>
    /// The answers of a form (the resident's own: <paramref name="form"/> empty; the assisted one: <see cref="AssistPrefix"/>),
    /// kept to show again if refused, and the form field of each answer's problem. Unanswered questions are left out, as API
    /// clients do: <c>answers[2].choices</c> belongs to the third answered question's field.
    /// </summary>
    private (List<AnswerInput?> Answers, Func<string, string> Field) PostedAnswers(string form)
    {
        var answers = new List<AnswerInput?>();
        var questionOfAnswer = new List<string>();
        foreach (var question in Consultation!.Questions)
        {
            var values = Request.Form[FieldOf(question.Id, form)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();
            _posted[FieldOf(question.Id, form)] = values;
            if (values.Length == 0) continue;
            answers.Add(question.Kind switch
            {
                QuestionKind.Scale => new AnswerInput(question.Id, null, int.TryParse(values[0], out var scale) ? scale : null, null),
                QuestionKind.FreeText => new AnswerInput(question.Id, null, null, values[0]),
                _ => new AnswerInput(question.Id, values, null, null),
            });
            questionOfAnswer.Add(question.Id);
        }
        return (answers, field =>
            field.StartsWith("answers[") && int.TryParse(field[8..field.IndexOf(']')], out var i) && i < questionOfAnswer.Count
                ? FieldOf(questionOfAnswer[i], form)
                : EndpointAnswers.FormField(field));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Consultation = await reader.FindAsync(session, CitySlug, Id, User, cancellation);
        if (Consultation is null) return false;
        Results = await reader.FindResultsAsync(session, CitySlug, Id, User, cancellation);
        if (User.IsSignedIn() && User.IsMemberOf(CitySlug))
            Existing = await reader.MyResponseAsync(session, Id, User.ParticipantId(), cancellation);
        return true;
    }

    /// <summary>The form takes answers: the consultation is open and now lies inside its window, as the decider requires.</summary>
    public bool TakesAnswers => Consultation is { } c && ConsultationRules.TakesAnswers(c.Status, c.OpensAt, c.ClosesAt, clock.GetUtcNow());

    /// <summary>What the answer to <paramref name="question"/> chooses from (the scale's values for a scale), as the decider accepts them.</summary>
    public static IReadOnlyList<string> AnswerOptions(ConsultationQuestion question) => ConsultationRules.AnswerOptions(question);
}
