
namespace Platform.Tests.Commitments;

/// <summary>Every refused commitment write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class CommitmentBadInputTests(AppFixture app)
{
    private const string Base = "\"title\":\"Ramps\",\"rights\":[\"housing\"],\"department\":\"Transport\",\"dueDate\":\"{future}\"";

    /// <summary>
    /// target (endpoint and the commitment's state), body, status, field or rule named. {future}, {past},
    /// {later} and {concern} are replaced when the test runs.
    /// </summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Publish: POST /commitments
        { "publish", """{"title":""", 400, "$" },
        { "publish", """{"title":5}""", 400, "$.title" },
        { "publish", """{"rights":["housing"],"department":"T","dueDate":"{future}"}""", 400, "title" },
        { "publish", $$"""{"title":"{{new string('t', 201)}}","rights":["housing"],"department":"T","dueDate":"{future}"}""", 400, "title" },
        { "publish", """{"title":"Ramps","rights":["housing"],"dueDate":"{future}"}""", 400, "department" },
        { "publish", """{"title":"Ramps","department":"T","dueDate":"{future}"}""", 400, "rights" },
        { "publish", """{"title":"Ramps","rights":["flying"],"department":"T","dueDate":"{future}"}""", 400, "rights[0]" },
        { "publish", "{" + Base + ""","sdgTargets":["99.9"]}""", 400, "sdgTargets[0]" },
        { "publish", "{" + Base + ""","indicatorCodes":["IND-002","HR-XX"]}""", 400, "indicatorCodes[1]" },
        { "publish", """{"title":"Ramps","rights":["housing"],"department":"T"}""", 400, "dueDate" },
        { "publish", """{"title":"Ramps","rights":["housing"],"department":"T","dueDate":"{past}"}""", 400, "dueDate" },
        { "publish", """{"title":"Ramps","rights":["housing"],"department":"T","dueDate":"next june"}""", 400, "$.dueDate" },
        { "publish", "{" + Base + ""","budget":-5}""", 400, "budget" },
        { "publish", "{" + Base + ""","budget":"lots"}""", 400, "$.budget" },
        { "publish", "{" + Base + ""","weight":2}""", 400, "weight" },
        { "publish", "{" + Base + ""","origins":[{"kind":"petition","id":"{concern}"}]}""", 400, "$.origins[0].kind" },
        { "publish", "{" + Base + ""","origins":[{"kind":"concern"}]}""", 400, "origins[0].id" },
        { "publish", "{" + Base + ""","origins":[{"id":"{concern}"}]}""", 400, "origins[0].kind" },
        { "publish", "{" + Base + ""","origins":[{"kind":"concern","id":"{concern}"},{"kind":"concern","id":"{unknown}"}]}""", 404, "origins[1]" },
        { "publish", "{" + Base + ""","origins":[{"kind":"consultation","id":"{unknown}"}]}""", 404, "origins[0]" },
        { "publish", "{" + Base + ""","parentId":"{unknown}"}""", 404, "parentId" },
        { "publish", "{" + Base + ""","parentId":"{fulfilled}"}""", 409, "parentId" },
        { "publish", "{" + Base + ""","parentId":"{active}","weight":0}""", 400, "weight" },
        { "publish", "{" + Base + ""","parentId":"{child}"}""", 422, "parent-is-sub-commitment" },
        // Milestones: POST /commitments/{id}/milestones
        { "milestones:active", """{"title":"","dueDate":"{future}"}""", 400, "title" },
        { "milestones:active", """{"title":"Contract"}""", 400, "dueDate" },
        { "milestones:active", """{"title":"Contract","dueDate":"{later}"}""", 400, "dueDate" },
        { "milestones:fulfilled", """{"title":"Contract","dueDate":"{future}"}""", 409, "commitment-fulfilled" },
        { "milestones:unknown", """{"title":"Contract","dueDate":"{future}"}""", 404, "commitment-not-found" },
        // Progress: POST /commitments/{id}/progress
        { "progress:active", """{"percent":101}""", 400, "percent" },
        { "progress:active", """{"percent":-1}""", 400, "percent" },
        { "progress:active", """{"note":"no percent"}""", 400, "percent" },
        { "progress:active", """{"percent":"half"}""", 400, "$.percent" },
        { "progress:active", """{"percent":10,"evidenceUrl":"york.gov.uk/report"}""", 400, "evidenceUrl" },
        { "progress:active", """{"percent":10,"evidenceUrl":"javascript:alert(1)"}""", 400, "evidenceUrl" },
        { "progress:fulfilled", """{"percent":10}""", 409, "commitment-fulfilled" },
        { "progress:abandoned", """{"percent":10}""", 409, "commitment-abandoned" },
        { "progress:unknown", """{"percent":10}""", 404, "commitment-not-found" },
        // Deadline: POST /commitments/{id}/deadline
        { "deadline:active", """{"dueDate":"{later}"}""", 400, "reason" },
        { "deadline:active", """{"reason":"Delay"}""", 400, "dueDate" },
        { "deadline:active", """{"dueDate":"{past}","reason":"Delay"}""", 400, "dueDate" },
        { "deadline:active", """{"dueDate":"{future}","reason":"Same day"}""", 400, "dueDate" },
        { "deadline:abandoned", """{"dueDate":"{later}","reason":"Delay"}""", 409, "commitment-abandoned" },
        // Fulfilment: POST /commitments/{id}/fulfilment
        { "fulfilment:active", """{}""", 400, "evidenceUrl" },
        { "fulfilment:active", """{"evidenceUrl":"ftp://york.gov.uk/done"}""", 400, "evidenceUrl" },
        { "fulfilment:fulfilled", """{"evidenceUrl":"https://york.gov.uk/done"}""", 409, "commitment-fulfilled" },
        { "fulfilment:unknown", """{"evidenceUrl":"https://york.gov.uk/done"}""", 404, "commitment-not-found" },
        // Abandonment: POST /commitments/{id}/abandonment
        { "abandonment:active", """{"reason":" "}""", 400, "reason" },
        { "abandonment:active", """{"reason":""", 400, "$" },
        { "abandonment:abandoned", """{"reason":"Again"}""", 409, "commitment-abandoned" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string field)
    {
        var official = await app.OfficialAsync();
        var (endpoint, state) = target.Split(':') is [var e, var s] ? (e, s) : (target, "");
        var future = CommitmentApi.InDays(30);
        Task<Guid> Publish() => app.PublishCommitmentAsync(official, CommitmentApi.Body(dueDate: future));
        async Task<Guid> Settled(string action, object settle)
        {
            var settled = await Publish();
            await app.ActAsync(settled, action, settle, official);
            return settled;
        }
        Task<Guid> Fulfilled() => Settled("fulfilment", new { evidenceUrl = "https://york.gov.uk/done" });

        var id = state switch
        {
            "active" => await Publish(),
            "fulfilled" => await Fulfilled(),
            "abandoned" => await Settled("abandonment", new { reason = "Dropped" }),
            _ => Guid.CreateVersion7(),
        };
        if (body.Contains("{concern}")) body = body.Replace("{concern}", (await app.RaiseAsync()).ToString());
        if (body.Contains("{fulfilled}")) body = body.Replace("{fulfilled}", (await Fulfilled()).ToString());
        if (body.Contains("{active}")) body = body.Replace("{active}", (await Publish()).ToString());
        if (body.Contains("{child}"))
            body = body.Replace("{child}", (await app.PublishCommitmentAsync(official, CommitmentApi.Body(parentId: await Publish()))).ToString());
        body = body.Replace("{future}", future).Replace("{later}", CommitmentApi.InDays(60)).Replace("{past}", CommitmentApi.InDays(-2))
            .Replace("{unknown}", Guid.CreateVersion7().ToString());
        var before = await app.EventCountAsync();

        var url = endpoint == "publish" ? "/api/cities/york/commitments" : $"/api/cities/york/commitments/{id}/{endpoint}";
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text(body).ToUrl(url);
            x.As(official);
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.StatusCodeShouldBe(status);
        });

        await ProblemAssert.NamesAsync(result, status, field);
        Assert.Equal(before, await app.EventCountAsync());
    }
}
