
namespace Platform.Tests.Consultations;

/// <summary>Every refused consultation write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class ConsultationBadInputTests(AppFixture app)
{
    private const string Questions =
        """[{"id":"bus","text":"Which route?","kind":"singleChoice","options":["6","10"]},{"id":"needs","text":"What helps?","kind":"multipleChoice","options":["ramps","audio"]},{"id":"safe","text":"How safe?","kind":"scale"},{"id":"more","text":"Anything else?","kind":"freeText"}]""";

    private static readonly string LongText = new('x', 2001);

    /// <summary>
    /// target (which consultation, in which state, and which endpoint), body, status, field or rule named.
    /// {future}, {later} and {past} are replaced by times relative to the run.
    /// </summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Draft: POST /consultations
        { "draft", """{"title":""", 400, "$" },
        { "draft", """{"title":5}""", 400, "$.title" },
        { "draft", """{"description":"no title"}""", 400, "title" },
        { "draft", $$"""{"title":"{{new string('t', 201)}}"}""", 400, "title" },
        { "draft", $$"""{"title":"ok","description":"{{new string('d', 10001)}}"}""", 400, "description" },
        // Open: POST /consultations/{id}/open
        { "open:draft", """{"closesAt":""", 400, "$" },
        { "open:draft", """{"closesAt":"next tuesday","questions":[]}""", 400, "$.closesAt" },
        { "open:draft", """{"closesAt":"{future}"}""", 400, "questions" },
        { "open:draft", """{"closesAt":"{future}","questions":[]}""", 400, "questions" },
        { "open:draft", $$"""{"questions":{{Questions}}}""", 400, "closesAt" },
        { "open:draft", $$"""{"closesAt":"{past}","questions":{{Questions}}}""", 400, "closesAt" },
        { "open:draft", $$"""{"opensAt":"{later}","closesAt":"{future}","questions":{{Questions}}}""", 400, "closesAt" },
        { "open:draft", $$"""{"opensAt":"{past}","closesAt":"{future}","questions":{{Questions}}}""", 400, "opensAt" },
        { "open:draft", """{"closesAt":"{future}","questions":[{"id":"q","text":"Pick","kind":"poll"}]}""", 400, "$.questions[0].kind" },
        { "open:draft", """{"closesAt":"{future}","questions":[{"id":"q","text":"Pick","kind":"singleChoice","options":["only"]}]}""", 400, "questions[0].options" },
        { "open:draft", """{"closesAt":"{future}","questions":[{"id":"q","text":"Pick","kind":"multipleChoice","options":["a","a"]}]}""", 400, "questions[0].options" },
        { "open:draft", """{"closesAt":"{future}","questions":[{"id":"q","text":"Rate","kind":"scale","options":["1","2"]}]}""", 400, "questions[0].options" },
        { "open:draft", """{"closesAt":"{future}","questions":[{"id":"q","text":"Say","kind":"freeText"},{"id":"q","text":"Again","kind":"freeText"}]}""", 400, "questions[1].id" },
        { "open:draft", """{"closesAt":"{future}","questions":[{"id":"q","text":"","kind":"freeText"}]}""", 400, "questions[0].text" },
        { "open:open", $$"""{"closesAt":"{future}","questions":{{Questions}}}""", 409, "consultation-already-opened" },
        { "open:unknown", $$"""{"closesAt":"{future}","questions":{{Questions}}}""", 404, "consultation-not-found" },
        // Respond: POST /consultations/{id}/responses
        { "respond:open", """{"answers":""", 400, "$" },
        { "respond:open", """{"answers":"6"}""", 400, "$.answers" },
        { "respond:open", """{"answers":[]}""", 400, "answers" },
        { "respond:open", """{}""", 400, "answers" },
        { "respond:open", """{"answers":[{"questionId":"route","choices":["6"]}]}""", 400, "answers[0].questionId" },
        { "respond:open", """{"answers":[{"questionId":"bus","choices":["6"]},{"questionId":"needs","choices":["wings"]}]}""", 400, "answers[1].choices" },
        { "respond:open", """{"answers":[{"questionId":"bus","choices":["6","10"]}]}""", 400, "answers[0].choices" },
        { "respond:open", """{"answers":[{"questionId":"safe","scale":7}]}""", 400, "answers[0].scale" },
        { "respond:open", """{"answers":[{"questionId":"safe","scale":"high"}]}""", 400, "$.answers[0].scale" },
        { "respond:open", $$"""{"answers":[{"questionId":"more","text":"{{LongText}}"}]}""", 400, "answers[0].text" },
        { "respond:open", """{"answers":[{"questionId":"bus","choices":["6"]},{"questionId":"bus","choices":["10"]}]}""", 400, "answers[1].questionId" },
        { "respond:later", """{"answers":[{"questionId":"safe","scale":3}]}""", 409, "consultation-not-yet-open" },
        { "respond:draft", """{"answers":[{"questionId":"safe","scale":3}]}""", 404, "consultation-not-found" },
        { "respond:unknown", """{"answers":[{"questionId":"safe","scale":3}]}""", 404, "consultation-not-found" },
        { "respond:responded", """{"answers":[{"questionId":"safe","scale":3}]}""", 409, "already-responded" },
        // Amend: PUT /consultations/{id}/responses/mine
        { "amend:responded", """{"answers":[{"questionId":"safe","scale":0}]}""", 400, "answers[0].scale" },
        { "amend:responded", """{"answers":[{"questionId":"bus","choices":"6"}]}""", 400, "$.answers[0].choices" },
        { "amend:open", """{"answers":[{"questionId":"safe","scale":3}]}""", 404, "response-not-found" },
        { "amend:unknown", """{"answers":[{"questionId":"safe","scale":3}]}""", 404, "consultation-not-found" },
        // Outcome: POST /consultations/{id}/outcome
        { "outcome:open", """{"summary":"Too early"}""", 422, "consultation-not-closed" },
        { "outcome:unknown", """{"summary":"Nothing"}""", 404, "consultation-not-found" },
        { "outcome:closed", """{"summary":""}""", 400, "summary" },
        { "outcome:closed", """{"summary":5}""", 400, "$.summary" },
        { "outcome:closed", """{"summary":"ok","commitmentIds":["not-a-guid"]}""", 400, "$.commitmentIds[0]" },
        { "outcome:closed", """{"summary":"ok","commitmentIds":["00000000-0000-0000-0000-000000000000"]}""", 400, "commitmentIds[0]" },
    };

    private static Task<Guid>? _closed;

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string field)
    {
        var official = await app.OfficialAsync();
        var resident = await app.ResidentAsync();
        var (endpoint, state) = target.Split(':') is [var e, var s] ? (e, s) : (target, "");
        var id = state switch
        {
            "draft" => await app.DraftConsultationAsync(official),
            "open" or "responded" => await app.OpenConsultationAsync(official),
            "later" => await app.OpenConsultationAsync(official, opensAt: DateTimeOffset.UtcNow.AddHours(1)),
            "closed" => await (_closed ??= ClosedConsultationAsync()),
            _ => Guid.CreateVersion7(),
        };
        if (state == "responded") await app.RespondAsync(id, resident);

        var now = DateTimeOffset.UtcNow;
        body = body.Replace("{future}", now.AddDays(7).ToString("O")).Replace("{later}", now.AddDays(8).ToString("O")).Replace("{past}", now.AddDays(-1).ToString("O"));
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            switch (endpoint)
            {
                case "draft": x.Post.Text(body).ToUrl("/api/cities/york/consultations"); x.As(official); break;
                case "open": x.Post.Text(body).ToUrl($"/api/cities/york/consultations/{id}/open"); x.As(official); break;
                case "respond": x.Post.Text(body).ToUrl($"/api/cities/york/consultations/{id}/responses"); x.As(resident); break;
                case "amend": x.Put.Text(body).ToUrl($"/api/cities/york/consultations/{id}/responses/mine"); x.As(resident); break;
                case "outcome": x.Post.Text(body).ToUrl($"/api/cities/york/consultations/{id}/outcome"); x.As(official); break;
                default: throw new ArgumentException(target);
            }
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.StatusCodeShouldBe(status);
        });

        await ProblemAssert.NamesAsync(result, status, field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_malformed_consultation_id_is_not_a_server_error()
    {
        var resident = await app.ResidentAsync();
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/consultations/not-a-guid"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Post.Json(ConsultationApi.Answers()).ToUrl("/api/cities/york/consultations/not-a-guid/responses"); x.As(resident); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/consultations?pageSize=500"); x.StatusCodeShouldBe(400); });
    }

    private async Task<Guid> ClosedConsultationAsync()
    {
        var id = await app.OpenConsultationAsync(closesAt: DateTimeOffset.UtcNow.AddSeconds(2));
        await ClosingConsultationsTests.WaitUntilClosedAsync(app, id);
        return id;
    }
}
