
namespace Platform.Tests.Concerns;

/// <summary>
/// Every refused write to an existing concern (supports and the lifecycle) answers problem details
/// naming the field or rule, and stores nothing. Raising is covered by <see cref="BadInputTests"/>.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class ConcernLifecycleBadInputTests(AppFixture app)
{
    /// <summary>No request body at all (as opposed to an empty JSON object).</summary>
    private const string NoBody = "<none>";

    private static readonly string Long101 = new('d', 101);
    private static readonly string Long5001 = new('x', 5001);

    /// <summary>target ("action:state of the concern"), body, status, field or rule code named.</summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Support: POST .../supports
        { "support:unknown", NoBody, 404, "concern-not-found" },
        { "support:malformed", NoBody, 404, "id" },
        { "support:hidden", NoBody, 422, "concern-not-supportable" },
        { "support:declined", NoBody, 422, "concern-not-supportable" },
        { "support:resolved", NoBody, 422, "concern-not-supportable" },
        { "support:withdrawn", NoBody, 422, "concern-not-supportable" },
        // Withdraw support: DELETE .../supports
        { "unsupport:unknown", NoBody, 404, "concern-not-found" },
        { "unsupport:malformed", NoBody, 404, "id" },
        // Acknowledge: POST .../acknowledgement
        { "acknowledgement:open", """{"department":""", 400, "$" },
        { "acknowledgement:open", """["Transport"]""", 400, "$" },
        { "acknowledgement:open", "null", 400, "$" },
        { "acknowledgement:open", NoBody, 400, "$" },
        { "acknowledgement:open", """{"department":5}""", 400, "$.department" },
        { "acknowledgement:open", """{}""", 400, "department" },
        { "acknowledgement:open", """{"department":"   "}""", 400, "department" },
        { "acknowledgement:open", $$"""{"department":"{{Long101}}"}""", 400, "department" },
        { "acknowledgement:acknowledged", """{"department":"Transport"}""", 409, "concern-acknowledged" },
        { "acknowledgement:answered", """{"department":"Transport"}""", 409, "concern-answered" },
        { "acknowledgement:hidden", """{"department":"Transport"}""", 409, "concern-hidden" },
        { "acknowledgement:unknown", """{"department":"Transport"}""", 404, "concern-not-found" },
        { "acknowledgement:malformed", """{"department":"Transport"}""", 404, "id" },
        // Answer: POST .../answer
        { "answer:open", """{"answer":["yes"]}""", 400, "$.answer" },
        { "answer:open", "null", 400, "$" },
        { "answer:open", """{}""", 400, "answer" },
        { "answer:open", $$"""{"answer":"{{Long5001}}"}""", 400, "answer" },
        { "answer:answered", """{"answer":"Again"}""", 409, "concern-answered" },
        { "answer:resolved", """{"answer":"Too late"}""", 409, "concern-resolved" },
        { "answer:declined", """{"answer":"Too late"}""", 409, "concern-declined" },
        { "answer:withdrawn", """{"answer":"Too late"}""", 409, "concern-withdrawn" },
        { "answer:unknown", """{"answer":"Yes"}""", 404, "concern-not-found" },
        { "answer:malformed", """{"answer":"Yes"}""", 404, "id" },
        // Decline: POST .../declination
        { "declination:open", """{"reason":true}""", 400, "$.reason" },
        { "declination:open", "null", 400, "$" },
        { "declination:open", """{"reason":""}""", 400, "reason" },
        { "declination:open", $$"""{"reason":"{{Long5001}}"}""", 400, "reason" },
        { "declination:answered", """{"reason":"No"}""", 409, "concern-answered" },
        { "declination:declined", """{"reason":"No"}""", 409, "concern-declined" },
        { "declination:unknown", """{"reason":"No"}""", 404, "concern-not-found" },
        // Resolve: POST .../resolution
        { "resolution:open", """{"note":5}""", 400, "$.note" },
        { "resolution:open", "null", 400, "$" },
        { "resolution:open", $$"""{"note":"{{Long5001}}"}""", 400, "note" },
        { "resolution:declined", """{"note":"Done"}""", 409, "concern-declined" },
        { "resolution:resolved", """{"note":"Done"}""", 409, "concern-resolved" },
        { "resolution:hidden", """{"note":"Done"}""", 409, "concern-hidden" },
        { "resolution:unknown", """{"note":"Done"}""", 404, "concern-not-found" },
        // Hide: POST .../hiding
        { "hiding:open", """{"reason":1}""", 400, "$.reason" },
        { "hiding:open", "null", 400, "$" },
        { "hiding:open", """{}""", 400, "reason" },
        { "hiding:open", $$"""{"reason":"{{Long5001}}"}""", 400, "reason" },
        { "hiding:hidden", """{"reason":"Spam"}""", 409, "concern-hidden" },
        { "hiding:withdrawn", """{"reason":"Spam"}""", 409, "concern-withdrawn" },
        { "hiding:unknown", """{"reason":"Spam"}""", 404, "concern-not-found" },
        { "hiding:malformed", """{"reason":"Spam"}""", 404, "id" },
        // Restore: POST .../restoration
        { "restoration:hidden", """{"reason":""}""", 400, "reason" },
        { "restoration:hidden", "null", 400, "$" },
        { "restoration:hidden", $$"""{"reason":"{{Long5001}}"}""", 400, "reason" },
        { "restoration:open", """{"reason":"Fine"}""", 409, "concern-open" },
        { "restoration:unknown", """{"reason":"Fine"}""", 404, "concern-not-found" },
        // Withdraw: POST .../withdrawal (the author)
        { "withdrawal:resolved", NoBody, 409, "concern-resolved" },
        { "withdrawal:declined", NoBody, 409, "concern-declined" },
        { "withdrawal:hidden", NoBody, 409, "concern-hidden" },
        { "withdrawal:withdrawn", NoBody, 409, "concern-withdrawn" },
        { "withdrawal:unknown", NoBody, 404, "concern-not-found" },
        { "withdrawal:malformed", NoBody, 404, "id" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string named)
    {
        var (action, state) = (target.Split(':')[0], target.Split(':')[1]);
        var author = await app.ResidentAsync();
        var official = await app.OfficialAsync();
        var moderator = await app.AccountAsync("york", CityRole.Moderator);
        var id = await PrepareAsync(state, author, official, moderator);

        var caller = action switch
        {
            "support" or "unsupport" => await app.ResidentAsync(),
            "hiding" or "restoration" => moderator,
            "withdrawal" => author,
            _ => official,
        };
        var url = action is "support" or "unsupport" ? $"/api/cities/york/concerns/{id}/supports" : $"/api/cities/york/concerns/{id}/{action}";
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            if (action == "unsupport") x.Delete.Url(url);
            else if (body == NoBody) x.Post.Url(url);
            else
            {
                x.Post.Text(body).ToUrl(url);
                x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            }
            x.As(caller);
            x.StatusCodeShouldBe(status);
        });

        Assert.StartsWith("application/problem+json", result.Context.Response.ContentType);
        var text = await result.ReadAsTextAsync();
        var problem = Json.Parse(text);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        var isNamed = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(named, out _)
                      || problem.TryGetProperty("code", out var code) && code.GetString() == named
                      || named.StartsWith('$') && problem.TryGetProperty("detail", out var detail) && detail.GetString()!.Contains(named, StringComparison.Ordinal);
        Assert.True(isNamed, $"the problem should name '{named}': {text}");
        Assert.Equal(before, await app.EventCountAsync());
    }

    /// <summary>A concern in the given state (its id as it goes in the URL); "unknown" and "malformed" are none.</summary>
    private async Task<string> PrepareAsync(string state, Actor author, Actor official, Actor moderator)
    {
        if (state == "unknown") return Guid.CreateVersion7().ToString();
        if (state == "malformed") return "not-a-guid";
        var id = await app.RaiseAsync(author: author);
        switch (state)
        {
            case "open": break;
            case "acknowledged": await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" }); break;
            case "answered": await app.ActAsync(id, "answer", official, new { answer = "Yes" }); break;
            case "resolved": await app.ActAsync(id, "resolution", official, new { note = "Done" }); break;
            case "declined": await app.ActAsync(id, "declination", official, new { reason = "No" }); break;
            case "hidden": await app.ActAsync(id, "hiding", moderator, new { reason = "Spam" }); break;
            case "withdrawn": await app.ActAsync(id, "withdrawal", author); break;
            default: throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
        return id.ToString();
    }
}
