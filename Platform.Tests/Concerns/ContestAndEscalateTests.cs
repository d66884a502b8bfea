using Platform.Domain.Concerns;
using Platform.Projections.Scorecards;

namespace Platform.Tests.Concerns;

/// <summary>
/// Contesting the council's answer or resolution, and escalating a concern to the city's independent body, through
/// the HTTP API against real PostgreSQL: who may, the period, repeats, the deadline starting again, the scorecard's
/// count, other cities and bad input (a refusal stores nothing).
/// </summary>
[Collection(IntegrationCollection.Name)]
public class ContestAndEscalateTests(AppFixture app)
{
    private const string Reason = "The stop still has no raised kerb.";

    private async Task<(string City, Guid Id, Actor Author, Actor Official)> AnsweredAsync(int responseDays = 30, string? city = null)
    {
        city ??= await app.NewCityAsync(concernResponseDays: responseDays);
        var author = await app.ResidentAsync(city);
        var official = await app.OfficialAsync(city);
        var id = await app.RaiseAsync(city, author: author);
        await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" }, city: city);
        await app.ActAsync(id, "answer", official, new { answer = "Kerbs raised in June." }, city: city);
        return (city, id, author, official);
    }

    private Task<JsonElement> ContestAsync(string city, Guid id, Actor caller, int status = 200, string reason = Reason) =>
        app.ActAsync(id, "contests", caller, new { reason }, status, city);

    private async Task<JsonElement> HistoryAsync(string city, Guid id) =>
        Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history"));

    private static IReadOnlyList<string?> Steps(JsonElement history) =>
        history.EnumerateArray().Select(e => e.GetProperty("event").GetString() + "/" + e.GetProperty("actorRole").GetString()).ToList();

    [Fact]
    public async Task The_authors_contest_reopens_the_concern_and_its_deadline_starts_again_from_the_city_setting()
    {
        var (city, id, author, _) = await AnsweredAsync(responseDays: 12);

        var before = DateTimeOffset.UtcNow;
        var view = await ContestAsync(city, id, author);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal("acknowledged", view.GetProperty("status").GetString());
        var due = view.GetProperty("responseDue").GetDateTimeOffset();
        Assert.InRange(due, before.AddDays(12).AddSeconds(-1), after.AddDays(12).AddSeconds(1));
        var contest = view.GetProperty("contest");
        Assert.Equal(1, contest.GetProperty("reopens").GetInt32());
        Assert.Equal(Reason, contest.GetProperty("reopenReason").GetString());
        Assert.Equal(JsonValueKind.Null, contest.GetProperty("contestableUntil").ValueKind);

        var history = await HistoryAsync(city, id);
        Assert.Equal(["raised/resident", "acknowledged/official", "answered/official", "contested/author", "reopened/residents"], Steps(history));
        Assert.DoesNotContain(author.Id.ToString(), history.GetRawText());
        Assert.Contains(Reason, history[3].GetProperty("details").GetString());
    }

    [Fact]
    public async Task A_repeat_changes_nothing_and_a_reopened_concern_is_not_contested_again_until_answered()
    {
        var (city, id, author, official) = await AnsweredAsync();
        await ContestAsync(city, id, author);
        var events = await app.EventCountAsync();

        Assert.Equal("acknowledged", (await ContestAsync(city, id, author)).GetProperty("status").GetString());
        Assert.Equal(events, await app.EventCountAsync());

        // Someone else on the reopened (open) concern: the rule refuses.
        var supporter = await app.ResidentAsync(city);
        await app.SupportAsync(id, supporter, city);
        Assert.Equal("concern-not-contestable", (await ContestAsync(city, id, supporter, 422)).Code());

        // A new answer may be contested again, by the same author.
        await app.ActAsync(id, "answer", official, new { answer = "Kerbs raised, really." }, city: city);
        var again = await ContestAsync(city, id, author);
        Assert.Equal(2, again.GetProperty("contest").GetProperty("reopens").GetInt32());
    }

    [Fact]
    public async Task Supporters_reopen_a_concern_once_enough_of_them_contested_and_others_may_not_contest()
    {
        var (city, id, _, _) = await AnsweredAsync();
        var supporters = await app.AccountsAsync(ConcernRules.SupporterContestsToReopen, city, CityRole.Resident);
        foreach (var supporter in supporters) await app.SupportAsync(id, supporter, city);

        var stranger = await app.ResidentAsync(city);
        var events = await app.EventCountAsync();
        Assert.Equal("not-author-or-supporter", (await ContestAsync(city, id, stranger, 403)).Code());
        Assert.Equal(events, await app.EventCountAsync());

        for (var i = 0; i < supporters.Count - 1; i++)
        {
            var view = await ContestAsync(city, id, supporters[i]);
            Assert.Equal("answered", view.GetProperty("status").GetString());
            Assert.Equal(i + 1, view.GetProperty("contest").GetProperty("contests").GetInt32());
        }
        var reopened = await ContestAsync(city, id, supporters[^1]);
        Assert.Equal("acknowledged", reopened.GetProperty("status").GetString());

        var steps = Steps(await HistoryAsync(city, id));
        Assert.Equal(ConcernRules.SupporterContestsToReopen, steps.Count(s => s == "contested/supporter"));
        Assert.Equal("reopened/residents", steps[^1]);
    }

    [Fact]
    public async Task A_resolution_can_be_contested_within_the_period_and_not_after_it()
    {
        var city = await app.NewCityAsync();
        var author = await app.ResidentAsync(city);
        var late = await app.RaiseAsync(city, author: author);
        var recent = await app.RaiseAsync(city, author: author);
        var official = await app.OfficialAsync(city); // minted now: a token is refused before its account exists
        try
        {
            // Resolved a day more than the period ago, and a day less.
            app.Clock.Offset = -TimeSpan.FromDays(ConcernRules.ContestDays + 1);
            await app.ActAsync(late, "resolution", official, new { note = "Done." }, city: city);
            app.Clock.Offset = -TimeSpan.FromDays(ConcernRules.ContestDays - 1);
            await app.ActAsync(recent, "resolution", official, new { note = "Done." }, city: city);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }

        var events = await app.EventCountAsync();
        Assert.Equal("contest-period-over", (await ContestAsync(city, late, author, 422)).Code());
        Assert.Equal(events, await app.EventCountAsync());
        Assert.Equal("acknowledged", (await ContestAsync(city, recent, author)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_open_concern_has_nothing_to_contest_and_anonymous_callers_must_sign_in()
    {
        var city = await app.NewCityAsync();
        var author = await app.ResidentAsync(city);
        var id = await app.RaiseAsync(city, author: author);
        Assert.Equal("concern-not-contestable", (await ContestAsync(city, id, author, 422)).Code());
        await app.ActAsync(id, "contests", null, new { reason = Reason }, 401, city);
        await app.ActAsync(id, "escalation", null, new { reason = Reason }, 401, city);
    }

    [Fact]
    public async Task A_concern_reopened_twice_goes_to_the_independent_body_who_records_a_finding_and_officials_may_not()
    {
        var (city, id, author, official) = await AnsweredAsync();
        var body = await app.AccountAsync(city, CityRole.IndependentBody);

        await ContestAsync(city, id, author);
        Assert.Equal("escalation-not-due", (await app.ActAsync(id, "escalation", author, new { reason = "Reopened once." }, 422, city)).Code());
        await app.ActAsync(id, "answer", official, new { answer = "Kerbs raised, really." }, city: city);
        await ContestAsync(city, id, author);

        var escalated = await app.ActAsync(id, "escalation", author, new { reason = "Reopened twice, nothing done." }, city: city);
        Assert.Equal("Reopened twice, nothing done.", escalated.GetProperty("contest").GetProperty("escalationReason").GetString());
        var events = await app.EventCountAsync();
        await app.ActAsync(id, "escalation", author, new { reason = "Again." }, city: city);
        Assert.Equal(events, await app.EventCountAsync());

        var queue = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/escalations", body));
        Assert.Equal([id], queue.Ids());
        await app.GetTextAsync($"/api/cities/{city}/escalations", official, 403);
        await app.GetTextAsync($"/api/cities/{city}/escalations", author, 403);
        await app.GetTextAsync($"/api/cities/{city}/escalations", null, 401);

        var finding = new { finding = "The council did not check the stop.", outcome = "upheld" };
        await app.ActAsync(id, "finding", official, finding, 403, city);
        await app.ActAsync(id, "finding", author, finding, 403, city);
        var found = await app.ActAsync(id, "finding", body, finding, city: city);
        Assert.Equal("upheld", found.GetProperty("contest").GetProperty("findingOutcome").GetString());
        Assert.Equal("finding-recorded", (await app.ActAsync(id, "finding", body, finding, 409, city)).Code());
        Assert.Equal("escalation-decided", (await app.ActAsync(id, "escalation", author, new { reason = "Again." }, 422, city)).Code());

        var steps = Steps(await HistoryAsync(city, id));
        Assert.Equal(["escalated/author", "finding-recorded/independent body"], steps.TakeLast(2));
        var afterQueue = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/escalations", body));
        Assert.NotEqual(JsonValueKind.Null, afterQueue.GetProperty("items")[0].GetProperty("contest").GetProperty("findingRecordedAt").ValueKind);
    }

    [Fact]
    public async Task A_concern_past_its_deadline_twice_may_be_escalated_by_a_supporter()
    {
        var city = await app.NewCityAsync(concernResponseDays: 1);
        var author = await app.ResidentAsync(city);
        var supporter = await app.ResidentAsync(city);
        var id = await app.RaiseAsync(city, author: author);
        await app.SupportAsync(id, supporter, city);
        var official = await app.OfficialAsync(city);
        try
        {
            app.Clock.Offset = -TimeSpan.FromDays(10);
            await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" }, city: city); // due in a day
            app.Clock.Offset = -TimeSpan.FromDays(8);
            await app.ActAsync(id, "answer", official, new { answer = "Late." }, city: city); // deadline missed once
            var reopened = await ContestAsync(city, id, author); // due again a day later: missed by now
            Assert.Equal(DateTimeOffset.UtcNow.AddDays(-7).Date, reopened.GetProperty("responseDue").GetDateTimeOffset().UtcDateTime.Date);
            Assert.Equal("escalation-not-due", (await app.ActAsync(id, "escalation", supporter, new { reason = "Late twice." }, 422, city)).Code());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
        var escalated = await app.ActAsync(id, "escalation", supporter, new { reason = "Late twice." }, city: city);
        Assert.NotEqual(JsonValueKind.Null, escalated.GetProperty("contest").GetProperty("escalatedAt").ValueKind);
        Assert.Equal("escalated/supporter", Steps(await HistoryAsync(city, id))[^1]);
    }

    [Fact]
    public async Task Another_citys_people_and_routes_reach_nothing()
    {
        var (city, id, author, _) = await AnsweredAsync();
        var other = await app.NewCityAsync();
        var otherBody = await app.AccountAsync(other, CityRole.IndependentBody);
        var events = await app.EventCountAsync();

        // Under the other city's route: the author is no member there; a member there finds no such concern.
        await ContestAsync(other, id, author, 403);
        Assert.Equal("concern-not-found", (await ContestAsync(other, id, await app.ResidentAsync(other), 404)).Code());
        Assert.Equal("concern-not-found", (await app.ActAsync(id, "finding", otherBody, new { finding = "f", outcome = "upheld" }, 404, other)).Code());
        // The other city's body has no role here.
        await app.ActAsync(id, "finding", otherBody, new { finding = "f", outcome = "upheld" }, 403, city);
        await app.GetTextAsync($"/api/cities/{city}/escalations", otherBody, 403);
        Assert.Equal(events, await app.EventCountAsync());
        // Its own queue does not hold this city's escalations.
        Assert.Empty(Json.Parse(await app.GetTextAsync($"/api/cities/{other}/escalations", otherBody)).Ids());
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "contests", "{}", "reason" },
        { "contests", """{"reason":"   "}""", "reason" },
        { "contests", $$"""{"reason":"{{new string('x', ConcernRules.ContestReasonMaxLength + 1)}}"}""", "reason" },
        { "contests", """{"reason":42}""", "reason" },
        { "contests", """{"reason":""", "$" },
        { "escalation", "{}", "reason" },
        { "finding", """{"outcome":"upheld"}""", "finding" },
        { "finding", """{"finding":"f","outcome":"guilty"}""", "outcome" },
        { "finding", """{"finding":"f"}""", "outcome" },
        { "finding", $$"""{"finding":"{{new string('x', 200_000)}}","outcome":"upheld"}""", "finding" },
    };

    [Theory, MemberData(nameof(BadInput))]
    public async Task Bad_input_is_a_problem_naming_the_field_and_stores_nothing(string action, string json, string field)
    {
        var (city, id, author, _) = await AnsweredAsync();
        var caller = action == "finding" ? await app.AccountAsync(city, CityRole.IndependentBody) : author;
        var events = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text(json).ToUrl($"/api/cities/{city}/concerns/{id}/{action}");
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.As(caller);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, field);
        Assert.Equal(events, await app.EventCountAsync());
    }

    [Theory]
    [InlineData("page=0", "page"), InlineData("pageSize=101", "pageSize"), InlineData("page=2147483647", "page")]
    public async Task The_queue_checks_its_paging(string query, string field)
    {
        var city = await app.NewCityAsync();
        var body = await app.AccountAsync(city, CityRole.IndependentBody);
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/escalations?{query}");
            x.As(body);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, field);
    }

    [Fact]
    public async Task The_scorecard_counts_reopened_concerns_once_each()
    {
        var (city, id, author, official) = await AnsweredAsync();
        var (_, other, otherAuthor, _) = await AnsweredAsync(city: city);
        await ContestAsync(city, id, author);
        await app.ActAsync(id, "answer", official, new { answer = "Again." }, city: city);
        await ContestAsync(city, id, author);
        await ContestAsync(city, other, otherAuthor);

        await app.WaitForAsync<CityScorecard>(city, 2, s => s.ReopenedConcerns.Count);
        var scorecard = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/scorecard"));
        Assert.Equal(2, scorecard.GetProperty("concerns").GetProperty("reopened").GetInt32());
        // Owed an answer again: both are pending, neither past its new deadline.
        Assert.Equal(0, scorecard.GetProperty("concerns").GetProperty("openPastDeadline").GetInt32());
    }
}
