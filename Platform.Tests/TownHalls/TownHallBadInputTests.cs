
namespace Platform.Tests.TownHalls;

/// <summary>Every refused town-hall write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class TownHallBadInputTests(AppFixture app)
{
    /// <summary>
    /// target (endpoint:state of the town hall), body, status, field or rule named. States: scheduled,
    /// open (no poll), poll (a poll open), pollclosed (its only poll closed), closed, unknown.
    /// {future} and {past} are replaced by times relative to the run.
    /// </summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Schedule: POST /town-halls
        { "schedule", """{"title":""", 400, "$" },
        { "schedule", """{"title":5,"startsAt":"{future}"}""", 400, "$.title" },
        { "schedule", """{"startsAt":"{future}"}""", 400, "title" },
        { "schedule", $$"""{"title":"{{new string('t', 201)}}","startsAt":"{future}"}""", 400, "title" },
        { "schedule", $$"""{"title":"ok","description":"{{new string('d', 10001)}}","startsAt":"{future}"}""", 400, "description" },
        { "schedule", """{"title":"ok"}""", 400, "startsAt" },
        { "schedule", """{"title":"ok","startsAt":"{past}"}""", 400, "startsAt" },
        { "schedule", """{"title":"ok","startsAt":"tomorrow"}""", 400, "$.startsAt" },
        { "schedule", $$"""{"title":"ok","startsAt":"{future}","location":"{{new string('l', 201)}}"}""", 400, "location" },
        { "schedule", $$"""{"title":"ok","startsAt":"{future}","district":"{{new string('d', 101)}}"}""", 400, "district" },
        // Open: POST /town-halls/{id}/open
        { "open:open", "", 409, "town-hall-already-open" },
        { "open:closed", "", 409, "town-hall-closed" },
        { "open:unknown", "", 404, "town-hall-not-found" },
        // Open a poll: POST /town-halls/{id}/polls
        { "poll:open", """{"question":""", 400, "$" },
        { "poll:open", """{"options":["a","b"]}""", 400, "question" },
        { "poll:open", $$"""{"question":"{{new string('q', 501)}}","options":["a","b"]}""", 400, "question" },
        { "poll:open", """{"question":"Which?"}""", 400, "options" },
        { "poll:open", """{"question":"Which?","options":["only"]}""", 400, "options" },
        { "poll:open", """{"question":"Which?","options":["a","a"]}""", 400, "options" },
        { "poll:open", """{"question":"Which?","options":["a",""]}""", 400, "options" },
        { "poll:open", """{"question":"Which?","options":["1","2","3","4","5","6","7","8","9","10","11"]}""", 400, "options" },
        { "poll:open", """{"question":"Which?","options":"a,b"}""", 400, "$.options" },
        { "poll:poll", """{"question":"Which?","options":["a","b"]}""", 409, "poll-already-open" },
        { "poll:scheduled", """{"question":"Which?","options":["a","b"]}""", 409, "town-hall-not-open" },
        { "poll:closed", """{"question":"Which?","options":["a","b"]}""", 409, "town-hall-closed" },
        { "poll:unknown", """{"question":"Which?","options":["a","b"]}""", 404, "town-hall-not-found" },
        // Close a poll: POST /town-halls/{id}/polls/{pollId}/close
        { "close-poll:pollclosed", "", 409, "poll-closed" },
        { "close-poll:open", "", 404, "poll-not-found" },
        { "close-poll:unknown", "", 404, "town-hall-not-found" },
        // Close: POST /town-halls/{id}/close
        { "close:open", """{"minutes":""", 400, "$" },
        { "close:open", """{}""", 400, "minutes" },
        { "close:open", """{"minutes":"  "}""", 400, "minutes" },
        { "close:open", $$"""{"minutes":"{{new string('m', 50001)}}"}""", 400, "minutes" },
        { "close:open", """{"minutes":"ok","commitmentIds":["not-a-guid"]}""", 400, "$.commitmentIds[0]" },
        { "close:open", """{"minutes":"ok","commitmentIds":["00000000-0000-0000-0000-000000000000"]}""", 400, "commitmentIds[0]" },
        { "close:scheduled", """{"minutes":"ok"}""", 409, "town-hall-not-open" },
        { "close:closed", """{"minutes":"ok"}""", 409, "town-hall-closed" },
        { "close:unknown", """{"minutes":"ok"}""", 404, "town-hall-not-found" },
        // Vote: POST /town-halls/{id}/polls/{pollId}/votes
        { "vote:poll", """{"option":""", 400, "$" },
        { "vote:poll", """{}""", 400, "option" },
        { "vote:poll", """{"option":3}""", 400, "option" },
        { "vote:poll", """{"option":-1}""", 400, "option" },
        { "vote:poll", """{"option":"More buses"}""", 400, "$.option" },
        { "vote:voted", """{"option":1}""", 409, "already-voted" },
        { "vote:pollclosed", """{"option":0}""", 409, "poll-closed" },
        { "vote:closed", """{"option":0}""", 409, "poll-closed" },
        { "vote:open", """{"option":0}""", 404, "poll-not-found" },
        { "vote:unknown", """{"option":0}""", 404, "town-hall-not-found" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string field)
    {
        var official = await app.OfficialAsync();
        var resident = await app.ResidentAsync();
        var (endpoint, state) = target.Split(':') is [var e, var s] ? (e, s) : (target, "");
        Guid id = Guid.CreateVersion7(), poll = Guid.CreateVersion7();
        if (state is not ("" or "unknown"))
        {
            id = state == "scheduled" ? await app.ScheduleTownHallAsync(official) : await app.OpenTownHallAsync(official);
            if (state is "poll" or "voted" or "pollclosed" or "closed") poll = await app.OpenPollAsync(id, official);
            if (state == "voted") await app.VoteAsync(id, poll, resident, 0);
            if (state == "pollclosed") await app.ClosePollAsync(id, poll, official);
            if (state == "closed")
                await app.Host.Scenario(x => { x.Post.Json(new { minutes = "Done." }).ToUrl($"/api/cities/york/town-halls/{id}/close"); x.As(official); x.StatusCodeShouldBeOk(); });
        }

        var now = DateTimeOffset.UtcNow;
        body = body.Replace("{future}", now.AddDays(7).ToString("O")).Replace("{past}", now.AddDays(-1).ToString("O"));
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            var root = "/api/cities/york/town-halls";
            var url = endpoint switch
            {
                "schedule" => root,
                "open" => $"{root}/{id}/open",
                "poll" => $"{root}/{id}/polls",
                "close-poll" => $"{root}/{id}/polls/{poll}/close",
                "close" => $"{root}/{id}/close",
                "vote" => $"{root}/{id}/polls/{poll}/votes",
                _ => throw new ArgumentException(target),
            };
            if (body.Length == 0) x.Post.Url(url);
            else
            {
                x.Post.Text(body).ToUrl(url);
                x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            }
            x.As(endpoint == "vote" ? resident : official);
            x.StatusCodeShouldBe(status);
        });

        await ProblemAssert.NamesAsync(result, status, field);
        Assert.Equal(before, await app.EventCountAsync());
    }
}
