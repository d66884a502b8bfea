
namespace Platform.Tests.Proposals;

/// <summary>Who may write what on proposals: anonymous 401, wrong role or city 403, unknown city 404; refused writes store nothing.</summary>
[Collection(IntegrationCollection.Name)]
public class ProposalAuthorizationTests(AppFixture app)
{
    public enum Caller { Anonymous, ResidentHere, OfficialHere, ResidentElsewhere, OfficialElsewhere }

    /// <summary>endpoint, caller, expected status (in York, on an open proposal authored by someone else).</summary>
    public static TheoryData<string, Caller, int> Matrix => new()
    {
        { "submit", Caller.Anonymous, 401 }, { "submit", Caller.ResidentElsewhere, 403 }, { "submit", Caller.OfficialElsewhere, 403 }, { "submit", Caller.ResidentHere, 201 },
        { "support", Caller.Anonymous, 401 }, { "support", Caller.OfficialElsewhere, 403 }, { "support", Caller.ResidentHere, 200 },
        { "unsupport", Caller.Anonymous, 401 }, { "unsupport", Caller.ResidentElsewhere, 403 }, { "unsupport", Caller.ResidentHere, 200 },
        { "accept", Caller.Anonymous, 401 }, { "accept", Caller.ResidentHere, 403 }, { "accept", Caller.OfficialElsewhere, 403 }, { "accept", Caller.OfficialHere, 200 },
        { "reject", Caller.Anonymous, 401 }, { "reject", Caller.ResidentHere, 403 }, { "reject", Caller.OfficialElsewhere, 403 }, { "reject", Caller.OfficialHere, 200 },
        { "withdraw", Caller.Anonymous, 401 }, { "withdraw", Caller.ResidentHere, 403 }, { "withdraw", Caller.OfficialHere, 403 }, { "withdraw", Caller.OfficialElsewhere, 403 },
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_the_answer_its_role_in_that_city_allows(string endpoint, Caller caller, int status)
    {
        var id = await app.SubmitAsync();
        var actor = caller switch
        {
            Caller.Anonymous => null,
            Caller.ResidentHere => await app.ResidentAsync(),
            Caller.OfficialHere => await app.AccountAsync("york", CityRole.Official),
            Caller.ResidentElsewhere => await app.ResidentAsync("utrecht"),
            _ => await app.AccountAsync("utrecht", CityRole.Official),
        };
        // Taking back a support needs one to take back, or the request rightly changes nothing.
        if (endpoint == "unsupport" && status < 400) await app.SupportProposalAsync(id, actor!);
        var before = await app.EventCountAsync();

        await SendAsync(endpoint, "york", id, actor, status);

        if (status >= 400) Assert.Equal(before, await app.EventCountAsync());
        else Assert.True(await app.EventCountAsync() > before);
    }

    [Theory]
    [InlineData("submit")]
    [InlineData("support")]
    [InlineData("unsupport")]
    [InlineData("accept")]
    [InlineData("reject")]
    [InlineData("withdraw")]
    [InlineData("get")]
    [InlineData("list")]
    [InlineData("history")]
    public async Task In_an_unknown_city_everyone_gets_404(string endpoint)
    {
        var official = await app.AccountAsync("york", CityRole.Official, CityRole.Resident);
        var before = await app.EventCountAsync();
        await SendAsync(endpoint, "atlantis", Guid.CreateVersion7(), official, 404);
        await SendAsync(endpoint, "atlantis", Guid.CreateVersion7(), null, 404);
        Assert.Equal(before, await app.EventCountAsync());
    }

    private async Task SendAsync(string endpoint, string city, Guid id, Actor? actor, int status)
    {
        var root = $"/api/cities/{city}/proposals";
        await app.Host.Scenario(x =>
        {
            switch (endpoint)
            {
                case "submit": x.Post.Json(ProposalApi.ValidBody()).ToUrl(root); break;
                case "support": x.Post.Url($"{root}/{id}/supports"); break;
                case "unsupport": x.Delete.Url($"{root}/{id}/supports"); break;
                case "accept": x.Post.Json(new { decision = "Agreed." }).ToUrl($"{root}/{id}/acceptance"); break;
                case "reject": x.Post.Json(new { reason = "No budget." }).ToUrl($"{root}/{id}/rejection"); break;
                case "withdraw": x.Post.Url($"{root}/{id}/withdrawal"); break;
                case "get": x.Get.Url($"{root}/{id}"); break;
                case "list": x.Get.Url(root); break;
                case "history": x.Get.Url($"{root}/{id}/history"); break;
                default: throw new ArgumentException(endpoint);
            }
            if (actor is not null) x.As(actor);
            x.StatusCodeShouldBe(status);
        });
    }
}
