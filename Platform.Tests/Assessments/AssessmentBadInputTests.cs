
namespace Platform.Tests.Assessments;

/// <summary>Every refused assessment write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class AssessmentBadInputTests(AppFixture app)
{
    private static readonly string LongCycle = new('9', 33);
    private static readonly string TooManyLinks = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"https://example.org/{i}\""));

    /// <summary>
    /// target (endpoint:stage of the scene, see <see cref="AssessmentScene"/>), body, status, field or rule named.
    /// {city}, {tomorrow+1} are replaced; recommendation endpoints take :unanswered, :supported, :noted or :unknown last.
    /// </summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Start: POST /assessments (official)
        { "start:none", """{"cycle":""", 400, "$" },
        { "start:none", "null", 400, "$" },
        { "start:none", """{}""", 400, "cycle" },
        { "start:none", """{"cycle":"  "}""", 400, "cycle" },
        { "start:none", """{"cycle":"2026/1"}""", 400, "cycle" },
        { "start:none", $$"""{"cycle":"{{LongCycle}}"}""", 400, "cycle" },
        { "start:none", """{"cycle":2026}""", 400, "$.cycle" },
        { "start:draft", """{"cycle":"2027"}""", 409, "open-cycle-exists" },
        { "start:draft", """{"cycle":"2026"}""", 409, "cycle-exists" },
        { "start:submitted", """{"cycle":"2026"}""", 409, "cycle-exists" },
        // Assess an item: POST /assessments/{cycle}/items (official)
        { "items:draft", "null", 400, "$" },
        { "items:draft", """{"item":"A9","level":"inPlace"}""", 400, "item" },
        { "items:draft", """{"item":"a1","level":"inPlace"}""", 400, "item" },
        { "items:draft", """{"level":"inPlace"}""", 400, "item" },
        { "items:draft", """{"item":"A1"}""", 400, "level" },
        { "items:draft", """{"item":"A1","level":"done"}""", 400, "level" },
        { "items:draft", """{"item":"A1","level":"2"}""", 400, "level" },
        { "items:draft", """{"item":"A1","level":2}""", 400, "$.level" },
        { "items:draft", """{"item":"A1","level":"inPlace","evidence":["not a link"]}""", 400, "evidence[0]" },
        { "items:draft", """{"item":"A1","level":"inPlace","evidence":["ftp://example.org/x"]}""", 400, "evidence[0]" },
        { "items:draft", """{"item":"A1","level":"inPlace","evidence":["https://example.org/ok","/relative/path"]}""", 400, "evidence[1]" },
        { "items:draft", """{"item":"A1","level":"inPlace","evidence":[null]}""", 400, "evidence[0]" },
        { "items:draft", $$"""{"item":"A1","level":"inPlace","evidence":[{{TooManyLinks}}]}""", 400, "evidence" },
        { "items:draft", """{"item":"A1","level":"inPlace","evidence":"https://example.org"}""", 400, "$.evidence" },
        { "items:draft", $$"""{"item":"A1","level":"inPlace","note":"{{new string('n', 2001)}}"}""", 400, "note" },
        { "items:submitted", """{"item":"A1","level":"inPlace"}""", 409, "assessment-submitted" },
        { "items:none", """{"item":"A1","level":"inPlace"}""", 404, "assessment-not-found" },
        // Submit: POST /assessments/{cycle}/submit (official)
        { "submit:draft", "", 422, "items" },
        { "submit:submitted", "", 409, "assessment-submitted" },
        { "submit:none", "", 404, "assessment-not-found" },
        // Assign a reviewer: POST /assessments/{cycle}/reviewer (network administrator)
        { "reviewer:submitted", "null", 400, "$" },
        { "reviewer:submitted", """{}""", 400, "reviewerCity" },
        { "reviewer:submitted", """{"reviewerCity":"{city}"}""", 422, "reviewerCity" },
        { "reviewer:submitted", """{"reviewerCity":"atlantis"}""", 422, "reviewerCity" },
        { "reviewer:reviewing", """{"reviewerCity":"york"}""", 409, "reviewer-already-assigned" },
        { "reviewer:draft", """{"reviewerCity":"york"}""", 404, "assessment-not-found" },
        { "reviewer:none", """{"reviewerCity":"york"}""", 404, "assessment-not-found" },
        // Findings: POST /assessments/{cycle}/review/findings (reviewing city's official)
        { "findings:reviewing", "null", 400, "$" },
        { "findings:reviewing", """{"item":"Z1","finding":"Fine."}""", 400, "item" },
        { "findings:reviewing", """{"finding":"Fine."}""", 400, "item" },
        { "findings:reviewing", """{"item":"B1"}""", 400, "finding" },
        { "findings:reviewing", $$"""{"item":"B1","finding":"{{new string('f', 5001)}}"}""", 400, "finding" },
        { "findings:submitted", """{"item":"B1","finding":"Fine."}""", 409, "reviewer-not-assigned" },
        { "findings:reviewed", """{"item":"B1","finding":"Fine."}""", 409, "review-submitted" },
        { "findings:none", """{"item":"B1","finding":"Fine."}""", 404, "assessment-not-found" },
        // Recommendations: POST /assessments/{cycle}/review/recommendations (reviewing city's official)
        { "recommend:reviewing", """{"item":"B1"}""", 400, "text" },
        { "recommend:reviewing", $$"""{"text":"{{new string('t', 2001)}}","item":"B1"}""", 400, "text" },
        { "recommend:reviewing", """{"text":"Do more.","item":"D1"}""", 400, "item" },
        { "recommend:reviewing", """{"text":"Do more."}""", 400, "item" },
        { "recommend:reviewing", """{"text":"Do more.","item":"B1","rights":["flying"]}""", 400, "rights[0]" },
        { "recommend:reviewing", """{"text":"Do more.","item":"B1","rights":["housing",null]}""", 400, "rights[1]" },
        { "recommend:reviewing", """{"text":"Do more.","item":"B1","rights":"housing"}""", 400, "$.rights" },
        { "recommend:reviewed", """{"text":"Do more.","item":"B1"}""", 409, "review-submitted" },
        // Submit the review: POST /assessments/{cycle}/review/submit (reviewing city's official)
        { "review-submit:reviewing", "", 422, "review-empty" },
        { "review-submit:reviewed", "", 409, "review-submitted" },
        { "review-submit:submitted", "", 409, "reviewer-not-assigned" },
        // Answer: POST /assessments/{cycle}/recommendations/{id}/response (reviewed city's official)
        { "response:reviewed:unanswered", "null", 400, "$" },
        { "response:reviewed:unanswered", """{}""", 400, "response" },
        { "response:reviewed:unanswered", """{"response":"maybe"}""", 400, "response" },
        { "response:reviewed:unanswered", """{"response":"noted"}""", 400, "note" },
        { "response:reviewed:unanswered", $$"""{"response":"supported","note":"{{new string('n', 2001)}}"}""", 400, "note" },
        { "response:reviewed:supported", """{"response":"noted","note":"Changed our mind."}""", 409, "recommendation-already-answered" },
        { "response:reviewed:unknown", """{"response":"supported"}""", 404, "recommendation-not-found" },
        { "response:reviewing:unknown", """{"response":"supported"}""", 404, "recommendation-not-found" },
        // Follow-up: POST /assessments/{cycle}/recommendations/{id}/follow-ups (reviewed city's official)
        { "follow-up:reviewed:unanswered", """{"text":"Done.","date":"2026-01-10","status":"implemented"}""", 422, "recommendation-not-answered" },
        { "follow-up:reviewed:supported", """{"date":"2026-01-10","status":"implemented"}""", 400, "text" },
        { "follow-up:reviewed:supported", """{"text":"Done.","status":"implemented"}""", 400, "date" },
        { "follow-up:reviewed:supported", """{"text":"Done.","date":"{tomorrow+1}","status":"implemented"}""", 400, "date" },
        { "follow-up:reviewed:supported", """{"text":"Done.","date":"last week","status":"implemented"}""", 400, "$.date" },
        { "follow-up:reviewed:supported", """{"text":"Done.","date":"2026-01-10"}""", 400, "status" },
        { "follow-up:reviewed:supported", """{"text":"Done.","date":"2026-01-10","status":"finished"}""", 400, "status" },
        { "follow-up:reviewed:unknown", """{"text":"Done.","date":"2026-01-10","status":"implemented"}""", 404, "recommendation-not-found" },
        // Commitment: POST /assessments/{cycle}/recommendations/{id}/commitment (reviewed city's official)
        { "commitment:reviewed:supported", """{}""", 400, "commitmentId" },
        { "commitment:reviewed:supported", """{"commitmentId":"00000000-0000-0000-0000-000000000000"}""", 400, "commitmentId" },
        { "commitment:reviewed:supported", """{"commitmentId":"c-1"}""", 400, "$.commitmentId" },
        { "commitment:reviewed:noted", """{"commitmentId":"0193b2a4-7c1e-7000-8000-000000000001"}""", 422, "recommendation-not-supported" },
        { "commitment:reviewed:unanswered", """{"commitmentId":"0193b2a4-7c1e-7000-8000-000000000001"}""", 422, "recommendation-not-supported" },
        // Recognition: POST /assessments/{cycle}/recognition (network administrator)
        { "recognition:reviewed", "null", 400, "$" },
        { "recognition:reviewed", """{"level":"gold"}""", 400, "level" },
        { "recognition:reviewed", """{}""", 400, "level" },
        { "recognition:submitted", """{"level":"recognised"}""", 422, "monitoring-cycle-completed" },
        { "recognition:reviewed", """{"level":"advanced"}""", 422, "supported-recommendations-followed-up" },
        { "recognition:draft", """{"level":"recognised"}""", 404, "assessment-not-found" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string field)
    {
        var parts = target.Split(':');
        var (endpoint, stage) = (parts[0], parts[1]);
        var scene = await AssessmentScene.ArrangeAsync(app, stage);
        var recommendation = parts.Length < 3 ? Guid.Empty : parts[2] switch
        {
            "unanswered" => scene.Unanswered,
            "supported" => scene.Supported,
            "noted" => scene.Noted,
            _ => Guid.CreateVersion7(),
        };
        body = body.Replace("{city}", scene.City)
            .Replace("{tomorrow+1}", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd"));
        var (url, actor) = endpoint switch
        {
            "start" => ($"/api/cities/{scene.City}/assessments", scene.Official),
            "items" => ($"{scene.Url}/items", scene.Official),
            "submit" => ($"{scene.Url}/submit", scene.Official),
            "reviewer" => ($"{scene.Url}/reviewer", scene.Administrator),
            "findings" => ($"{scene.Url}/review/findings", scene.Reviewer),
            "recommend" => ($"{scene.Url}/review/recommendations", scene.Reviewer),
            "review-submit" => ($"{scene.Url}/review/submit", scene.Reviewer),
            "response" => ($"{scene.Url}/recommendations/{recommendation}/response", scene.Official),
            "follow-up" => ($"{scene.Url}/recommendations/{recommendation}/follow-ups", scene.Official),
            "commitment" => ($"{scene.Url}/recommendations/{recommendation}/commitment", scene.Official),
            "recognition" => ($"{scene.Url}/recognition", scene.Administrator),
            _ => throw new ArgumentException(target),
        };
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            if (body.Length == 0) x.Post.Url(url);
            else
            {
                x.Post.Text(body).ToUrl(url);
                x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            }
            x.As(actor);
            x.StatusCodeShouldBe(status);
        });

        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var named = problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.TryGetProperty(field, out _)
                    // Malformed JSON is refused before the endpoint runs; that problem names the JSON path in its detail.
                    || problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains($"Path: {field}", StringComparison.Ordinal)
                    || problem.TryGetProperty("code", out var code) && code.GetString() == field;
        Assert.True(named, $"the problem should name '{field}': {problem}");
        Assert.Equal(before, await app.EventCountAsync());
    }
}
