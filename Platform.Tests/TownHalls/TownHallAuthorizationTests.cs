
namespace Platform.Tests.TownHalls;

/// <summary>Every town-hall write checks the role in the route's city: anonymous 401, wrong role or city 403, unknown city 404.</summary>
[Collection(IntegrationCollection.Name)]
public class TownHallAuthorizationTests(AppFixture app)
{
    /// <summary>(endpoint, caller, city, status). Callers: anonymous, resident (of york), official (of york), utrecht-official.</summary>
    public static TheoryData<string, string, string, int> Cases => new()
    {
        { "schedule", "anonymous", "york", 401 },
        { "schedule", "resident", "york", 403 },
        { "schedule", "utrecht-official", "york", 403 },
        { "schedule", "official", "atlantis", 404 },
        { "open", "anonymous", "york", 401 },
        { "open", "resident", "york", 403 },
        { "open", "utrecht-official", "york", 403 },
        { "poll", "anonymous", "york", 401 },
        { "poll", "resident", "york", 403 },
        { "poll", "utrecht-official", "york", 403 },
        { "poll", "official", "atlantis", 404 },
        { "close-poll", "resident", "york", 403 },
        { "close-poll", "utrecht-official", "york", 403 },
        { "close", "anonymous", "york", 401 },
        { "close", "resident", "york", 403 },
        { "close", "utrecht-official", "york", 403 },
        { "vote", "anonymous", "york", 401 },
        { "vote", "utrecht-official", "york", 403 },
        { "vote", "resident", "atlantis", 404 },
    };

    [Theory, MemberData(nameof(Cases))]
    public async Task A_write_is_refused_to_callers_without_the_role_in_the_city_and_stores_nothing(string endpoint, string caller, string city, int status)
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        Actor? actor = caller switch
        {
            "resident" => await app.ResidentAsync(),
            "official" => official,
            "utrecht-official" => await app.OfficialAsync("utrecht"),
            _ => null,
        };
        var before = await app.EventCountAsync();

        await app.Host.Scenario(x =>
        {
            var root = $"/api/cities/{city}/town-halls";
            switch (endpoint)
            {
                case "schedule": x.Post.Json(TownHallApi.ScheduleBody()).ToUrl(root); break;
                case "open": x.Post.Url($"{root}/{id}/open"); break;
                case "poll": x.Post.Json(new { question = "Q?", options = new[] { "a", "b" } }).ToUrl($"{root}/{id}/polls"); break;
                case "close-poll": x.Post.Url($"{root}/{id}/polls/{poll}/close"); break;
                case "close": x.Post.Json(new { minutes = "m" }).ToUrl($"{root}/{id}/close"); break;
                case "vote": x.Post.Json(new { option = 0 }).ToUrl($"{root}/{id}/polls/{poll}/votes"); break;
            }
            if (actor is not null) x.As(actor);
            x.StatusCodeShouldBe(status);
        });
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Reads_are_public_and_an_unknown_city_is_a_404()
    {
        var id = await app.ScheduleTownHallAsync(await app.OfficialAsync());
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/town-halls/{id}"); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/town-halls"); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/atlantis/town-halls/{id}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/town-halls/{Guid.CreateVersion7()}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/town-halls/not-a-guid"); x.StatusCodeShouldBe(404); });
    }
}
