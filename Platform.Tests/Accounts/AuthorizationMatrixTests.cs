using Alba;
using Platform.Domain.Accounts;
using Platform.Tests.Support;

namespace Platform.Tests.Accounts;

/// <summary>
/// Walks endpoint x caller x city and asserts each answer: who may write where. A row lists an
/// endpoint, how to prepare a valid request in a city, and which callers may call it there.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class AuthorizationMatrixTests(AppFixture app)
{
    public enum Caller { Anonymous, ResidentHere, ResidentElsewhere, VerifiedHere, OfficialHere, OfficialElsewhere, ModeratorHere, NetworkAdministrator }

    /// <summary>A request prepared for a city: method, path and body.</summary>
    public sealed record Request(HttpMethod Method, string Path, object? Body);

    /// <summary>An endpoint: prepares a valid request in a city, and the callers allowed there.</summary>
    public sealed record Endpoint(string Name, Func<AppFixture, string, Task<Request>> Prepare, Caller[] Allowed);

    private static readonly Caller[] Residents = [Caller.ResidentHere, Caller.VerifiedHere, Caller.OfficialHere, Caller.ModeratorHere];

    public static readonly Endpoint[] Endpoints =
    [
        new("raise concern", (_, city) => Task.FromResult(new Request(HttpMethod.Post, $"/api/cities/{city}/concerns", ConcernApi.ValidBody())), Residents),
        new("support concern", async (a, city) => new Request(HttpMethod.Post, $"/api/cities/{city}/concerns/{await a.RaiseAsync(city)}/supports", null), Residents),
        new("withdraw support", async (a, city) => new Request(HttpMethod.Delete, $"/api/cities/{city}/concerns/{await a.RaiseAsync(city)}/supports", null), Residents),
        new("verify resident", async (a, city) => new Request(HttpMethod.Post, $"/api/cities/{city}/residents/{(await a.ResidentAsync(city)).Id}/verification", null), [Caller.OfficialHere]),
        new("grant role", async (a, city) => new Request(HttpMethod.Post, $"/api/cities/{city}/roles", new { accountId = (await a.ResidentAsync(city)).Id, role = "moderator" }), [Caller.NetworkAdministrator]),
        new("change settings", (_, city) => Task.FromResult(new Request(HttpMethod.Put, $"/api/cities/{city}/settings", new { concernResponseDays = 30, proposalSupportThreshold = 100, proposalDecisionDays = 90 })), [Caller.NetworkAdministrator]),
        new("join city", (_, city) => Task.FromResult(new Request(HttpMethod.Post, $"/api/cities/{city}/members", null)),
            [Caller.ResidentHere, Caller.ResidentElsewhere, Caller.VerifiedHere, Caller.OfficialHere, Caller.OfficialElsewhere, Caller.ModeratorHere, Caller.NetworkAdministrator]),
        // One representative write of each later feature.
        new("submit proposal", (_, city) => Task.FromResult(new Request(HttpMethod.Post, $"/api/cities/{city}/proposals", ProposalApi.ValidBody())), Residents),
        new("accept proposal into a new commitment", async (a, city) => new Request(HttpMethod.Post, $"/api/cities/{city}/proposals/{await a.SubmitAsync(city)}/acceptance",
            new { decision = "Agreed.", commitment = CommitmentApi.Body() }), [Caller.OfficialHere]),
        new("draft consultation", (_, city) => Task.FromResult(new Request(HttpMethod.Post, $"/api/cities/{city}/consultations",
            new { title = "Getting around", description = "Tell us how you travel." })), [Caller.OfficialHere]),
        new("publish commitment", (_, city) => Task.FromResult(new Request(HttpMethod.Post, $"/api/cities/{city}/commitments", CommitmentApi.Body())), [Caller.OfficialHere]),
        new("schedule town hall", (_, city) => Task.FromResult(new Request(HttpMethod.Post, $"/api/cities/{city}/town-halls", TownHallApi.ScheduleBody())), [Caller.OfficialHere]),
        new("vote in town-hall poll", async (a, city) =>
        {
            var official = await a.OfficialAsync(city);
            var townHall = await a.OpenTownHallAsync(official, city);
            var poll = await a.OpenPollAsync(townHall, official, city: city);
            return new Request(HttpMethod.Post, $"/api/cities/{city}/town-halls/{townHall}/polls/{poll}/votes", new { option = 1 });
        }, Residents),
        new("follow concern", async (a, city) => new Request(HttpMethod.Put, $"/api/cities/{city}/concerns/{await a.RaiseAsync(city)}/follow", null), Residents),
        new("unfollow commitment", async (a, city) => new Request(HttpMethod.Delete,
            $"/api/cities/{city}/commitments/{await a.PublishCommitmentAsync(await a.OfficialAsync(city), city: city)}/follow", null), Residents),
    ];

    public static TheoryData<string, Caller> Matrix()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var endpoint in Endpoints)
            foreach (var caller in Enum.GetValues<Caller>())
                data.Add(endpoint.Name, caller);
        return data;
    }

    private async Task<Actor?> ActAsAsync(Caller caller, string city, string elsewhere) => caller switch
    {
        Caller.Anonymous => null,
        Caller.ResidentHere => await app.AccountAsync(city, CityRole.Resident),
        Caller.ResidentElsewhere => await app.AccountAsync(elsewhere, CityRole.Resident),
        Caller.VerifiedHere => await app.AccountAsync(city, CityRole.Resident, CityRole.VerifiedResident),
        Caller.OfficialHere => await app.AccountAsync(city, CityRole.Official),
        Caller.OfficialElsewhere => await app.AccountAsync(elsewhere, CityRole.Official),
        Caller.ModeratorHere => await app.AccountAsync(city, CityRole.Moderator),
        Caller.NetworkAdministrator => await app.NetworkAdministratorAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    [Theory, MemberData(nameof(Matrix))]
    public async Task Each_caller_gets_the_answer_its_role_in_that_city_allows(string endpointName, Caller caller)
    {
        var endpoint = Endpoints.Single(e => e.Name == endpointName);
        var request = await endpoint.Prepare(app, "york");
        var actor = await ActAsAsync(caller, "york", "utrecht");

        var status = await SendAsync(request, actor);

        var expected = endpoint.Allowed.Contains(caller) ? "2xx" : caller == Caller.Anonymous ? "401" : "403";
        Assert.True(expected == "2xx" ? status is >= 200 and < 300 : status.ToString() == expected,
            $"{endpointName} as {caller}: expected {expected}, got {status}");
    }

    [Theory, MemberData(nameof(Matrix))]
    public async Task In_an_unknown_city_every_caller_gets_404(string endpointName, Caller caller)
    {
        var endpoint = Endpoints.Single(e => e.Name == endpointName);
        var request = await endpoint.Prepare(app, "york");
        var actor = await ActAsAsync(caller, "york", "utrecht");

        var status = await SendAsync(request with { Path = request.Path.Replace("/cities/york/", "/cities/atlantis/") }, actor);

        Assert.Equal(404, status);
    }

    private async Task<int> SendAsync(Request request, Actor? actor)
    {
        var result = await app.Host.Scenario(x =>
        {
            var url = request.Path;
            if (request.Method == HttpMethod.Post) { if (request.Body is null) x.Post.Url(url); else x.Post.Json(request.Body).ToUrl(url); }
            else if (request.Method == HttpMethod.Put) { if (request.Body is null) x.Put.Url(url); else x.Put.Json(request.Body).ToUrl(url); }
            else if (request.Method == HttpMethod.Delete) x.Delete.Url(url);
            else x.Get.Url(url);
            if (actor is not null) x.As(actor);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
