using Microsoft.AspNetCore.Authentication;
using Platform.Api.Participation;
using Platform.Api.Consultations;
using Platform.Domain.Consultations;

namespace Platform.Api.Pages.Consultations;

/// <summary>
/// One consultation: residents answer its questions (radio buttons, checkboxes, a 1-5 scale, text) through
/// the API's respond endpoint methods (first answer, then amendments); results once it has closed.
/// Officials of the city open a draft here (its questions, in <see cref="QuestionSlots"/> slots, and its window),
/// see the results (with free-text answers) while it runs, and publish the outcome once it has closed.
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

    /// <summary>The form field of a question (its id in the API's answers is the question id).</summary>
    public static string FieldOf(string questionId) => $"q-{questionId}";

    /// <summary>What the form shows as chosen for a question: what was just posted, else the resident's stored answer.</summary>
    public IReadOnlyCollection<string> Chosen(string questionId)
    {
        if (_posted.TryGetValue(questionId, out var posted)) return posted;
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
        DateTimeOffset? opensAt = Officials.Day(Posted("opensAt")) is { } opens && opens != today ? Officials.StartOf(opens, City) : null;
        DateTimeOffset? closesAt = Officials.Day(Posted("closesAt")) is { } closes ? Officials.StartOf(closes.AddDays(1), City).AddMinutes(-1) : null;

        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await handler.Handle(new OpenConsultation(Id, User.AccountId(), opensAt, closesAt, questions), session, bus, cancellation);
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

        // Unanswered questions are left out, as API clients do; each answer remembers its question for error messages.
        var answers = new List<AnswerInput?>();
        var questionOfAnswer = new List<string>();
        foreach (var question in Consultation!.Questions)
        {
            var values = Request.Form[FieldOf(question.Id)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToArray();
            _posted[question.Id] = values;
            if (values.Length == 0) continue;
            answers.Add(question.Kind switch
            {
                QuestionKind.Scale => new AnswerInput(question.Id, null, int.TryParse(values[0], out var scale) ? scale : null, null),
                QuestionKind.FreeText => new AnswerInput(question.Id, null, null, values[0]),
                _ => new AnswerInput(question.Id, values, null, null),
            });
            questionOfAnswer.Add(question.Id);
        }

        var command = new SubmitConsultationResponse(Id, User.ParticipantId(), answers, Amend: Existing is not null)
            { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident), VerifiedEmail = User.HasVerifiedEmail() };
        var answer = (await participation.Handle(command, CitySlug, scope: null, cancellation)).PageAnswer;
        if (answer.Problem() is { } problem)
        {
            // answers[2].choices belongs to the third answered question's field.
            problem.AddTo(ModelState, text, field =>
                field.StartsWith("answers[") && int.TryParse(field[8..field.IndexOf(']')], out var i) && i < questionOfAnswer.Count
                    ? FieldOf(questionOfAnswer[i])
                    : EndpointAnswers.FormField(field));
            return Page();
        }
        TempData.Confirm(Existing is null ? text["Thank you: your answers are recorded."] : text["Your answers are updated."]);
        return RedirectToPage(new { city = CitySlug, id = Id });
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
