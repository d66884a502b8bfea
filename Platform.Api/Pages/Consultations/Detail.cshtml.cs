using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Consultations;
using Platform.Api.Web;
using Platform.Domain.Consultations;

namespace Platform.Api.Pages.Consultations;

/// <summary>
/// One consultation: residents answer its questions (radio buttons, checkboxes, a 1-5 scale, text) through
/// the API's respond endpoint methods (first answer, then amendments); results once it has closed.
/// </summary>
public sealed class ConsultationDetailModel(CityDirectory directory, IDocumentStore store, ConsultationReader reader,
    IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

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

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

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

        await using var session = store.LightweightSession(CitySlug);
        var body = new ResponseBody(answers);
        var answer = Existing is null
            ? await RespondToConsultationEndpoint.Post(Id, CitySlug, body, User, Cities, session, clock, cancellation)
            : await RespondToConsultationEndpoint.Put(Id, CitySlug, body, User, Cities, session, clock, cancellation);
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
        Consultation = (await GetConsultationEndpoints.Get(Id, CitySlug, User, session, cancellation)).Value<ConsultationDetails>();
        if (Consultation is null) return false;
        Results = (await GetConsultationEndpoints.GetResults(Id, CitySlug, User, session, reader, cancellation)).Value<ConsultationResults>();
        if (User.IsSignedIn() && User.IsMemberOf(CitySlug))
            Existing = (await RespondToConsultationEndpoint.Get(Id, User, session, cancellation)).Value<MyResponse>();
        return true;
    }
}
