
namespace Platform.Tests.Proposals;

/// <summary>Every refused proposal write answers problem details naming the field or rule, and stores nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class ProposalBadInputTests(AppFixture app)
{
    /// <summary>target (endpoint and the proposal's state before), body, status, field or rule named.</summary>
    public static TheoryData<string, string, int, string> RefusedWrites => new()
    {
        // Submit: POST /proposals
        { "submit", """{"title":""", 400, "$" },
        { "submit", """{"title":5,"rights":["housing"]}""", 400, "$.title" },
        { "submit", """{"title":"x","rights":"housing"}""", 400, "$.rights" },
        { "submit", """{"description":"no title","rights":["housing"]}""", 400, "title" },
        { "submit", """{"title":"  ","rights":["housing"]}""", 400, "title" },
        { "submit", $$"""{"title":"{{new string('t', 201)}}","rights":["housing"]}""", 400, "title" },
        { "submit", $$"""{"title":"ok","description":"{{new string('d', 5001)}}","rights":["housing"]}""", 400, "description" },
        { "submit", $$"""{"title":"ok","district":"{{new string('d', 101)}}","rights":["housing"]}""", 400, "district" },
        { "submit", """{"title":"ok","rights":[]}""", 400, "rights" },
        { "submit", """{"title":"ok"}""", 400, "rights" },
        { "submit", """{"title":"ok","rights":["housing","teleportation"]}""", 400, "rights[1]" },
        { "submit", """{"title":"ok","rights":["housing"],"sdgTargets":["99.9"]}""", 400, "sdgTargets[0]" },
        { "submit", """{"title":"ok","rights":["housing"],"sdgTargets":[11.2]}""", 400, "$.sdgTargets[0]" },
        // Support: POST /proposals/{id}/supports
        { "support:unknown", "", 404, "proposal-not-found" },
        { "support:rejected", "", 422, "proposal-not-supportable" },
        { "support:withdrawn", "", 422, "proposal-not-supportable" },
        // Withdraw support: DELETE /proposals/{id}/supports
        { "unsupport:unknown", "", 404, "proposal-not-found" },
        // Accept: POST /proposals/{id}/acceptance
        { "accept:open", """{"decision":""", 400, "$" },
        { "accept:open", """{}""", 400, "decision" },
        { "accept:open", """{"decision":""}""", 400, "decision" },
        { "accept:open", """{"decision":5}""", 400, "$.decision" },
        { "accept:open", $$"""{"decision":"{{new string('d', 5001)}}"}""", 400, "decision" },
        { "accept:open", """{"decision":"ok","commitmentId":"not-a-guid"}""", 400, "$.commitmentId" },
        { "accept:open", """{"decision":"ok","commitmentId":"00000000-0000-0000-0000-000000000000"}""", 400, "commitmentId" },
        { "accept:accepted", """{"decision":"again"}""", 409, "proposal-accepted" },
        { "accept:withdrawn", """{"decision":"too late"}""", 409, "proposal-withdrawn" },
        { "accept:unknown", """{"decision":"ok"}""", 404, "proposal-not-found" },
        // Reject: POST /proposals/{id}/rejection
        { "reject:open", """{"reason":""", 400, "$" },
        { "reject:open", """{"reason":"   "}""", 400, "reason" },
        { "reject:open", """{"reason":["no"]}""", 400, "$.reason" },
        { "reject:rejected", """{"reason":"again"}""", 409, "proposal-rejected" },
        { "reject:accepted", """{"reason":"changed mind"}""", 409, "proposal-accepted" },
        { "reject:unknown", """{"reason":"no"}""", 404, "proposal-not-found" },
        // Withdraw: POST /proposals/{id}/withdrawal (by the author)
        { "withdraw:accepted", "", 409, "proposal-accepted" },
        { "withdraw:withdrawn", "", 409, "proposal-withdrawn" },
        { "withdraw:unknown", "", 404, "proposal-not-found" },
        { "withdraw:others", "", 403, "not-the-author" },
    };

    [Theory, MemberData(nameof(RefusedWrites))]
    public async Task A_refused_write_is_a_problem_naming_the_field_or_rule_and_stores_nothing(string target, string body, int status, string field)
    {
        var official = await app.AccountAsync("york", CityRole.Official);
        var author = await app.ResidentAsync();
        var (endpoint, state) = target.Split(':') is [var e, var s] ? (e, s) : (target, "");
        var id = state is "" or "unknown" ? Guid.CreateVersion7() : await app.SubmitAsync(author: author);
        switch (state)
        {
            case "accepted": await app.ActOnProposalAsync(id, "acceptance", official, new { decision = "Agreed." }, 200); break;
            case "rejected": await app.ActOnProposalAsync(id, "rejection", official, new { reason = "No." }, 200); break;
            case "withdrawn": await app.ActOnProposalAsync(id, "withdrawal", author, null, 200); break;
        }
        var caller = state == "others" ? await app.ResidentAsync() : endpoint is "accept" or "reject" ? official : author;
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            var root = $"/api/cities/york/proposals";
            switch (endpoint)
            {
                case "submit": x.Post.Text(body).ToUrl(root); break;
                case "support": x.Post.Url($"{root}/{id}/supports"); break;
                case "unsupport": x.Delete.Url($"{root}/{id}/supports"); break;
                case "accept": x.Post.Text(body).ToUrl($"{root}/{id}/acceptance"); break;
                case "reject": x.Post.Text(body).ToUrl($"{root}/{id}/rejection"); break;
                case "withdraw": x.Post.Url($"{root}/{id}/withdrawal"); break;
                default: throw new ArgumentException(target);
            }
            if (body.Length > 0) x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.As(caller);
            x.StatusCodeShouldBe(status);
        });

        await ProblemAssert.NamesAsync(result, status, field);
        Assert.Equal(before, await app.EventCountAsync());
    }
}
