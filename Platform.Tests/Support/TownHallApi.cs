
namespace Platform.Tests.Support;

/// <summary>Short ways to call the town-hall endpoints from tests.</summary>
public static class TownHallApi
{
    public static readonly string[] Options = ["More buses", "Safer crossings", "Longer library hours"];

    public static object ScheduleBody(DateTimeOffset? startsAt = null) => new
    {
        title = "Tang Hall town hall",
        description = "The council answers residents on transport.",
        startsAt = startsAt ?? DateTimeOffset.UtcNow.AddDays(3),
        location = "Tang Hall community centre",
        district = "Tang Hall",
    };

    public static async Task<Guid> ScheduleTownHallAsync(this AppFixture app, Actor official, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(ScheduleBody()).ToUrl($"/api/cities/{city}/town-halls");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Schedules and opens a town hall; returns its id.</summary>
    public static async Task<Guid> OpenTownHallAsync(this AppFixture app, Actor official, string city = "york")
    {
        var id = await app.ScheduleTownHallAsync(official, city);
        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/town-halls/{id}/open");
            x.As(official);
            x.StatusCodeShouldBeOk();
        });
        return id;
    }

    /// <summary>Opens a poll with <see cref="Options"/> (or <paramref name="options"/>); returns its id.</summary>
    public static async Task<Guid> OpenPollAsync(this AppFixture app, Guid id, Actor official, string question = "What first?", string[]? options = null, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { question, options = options ?? Options }).ToUrl($"/api/cities/{city}/town-halls/{id}/polls");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<IScenarioResult> ClosePollAsync(this AppFixture app, Guid id, Guid pollId, Actor official, int status = 200, string city = "york") =>
        await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/town-halls/{id}/polls/{pollId}/close");
            x.As(official);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<IScenarioResult> VoteAsync(this AppFixture app, Guid id, Guid pollId, Actor resident, int option, int status = 201, string city = "york") =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { option }).ToUrl($"/api/cities/{city}/town-halls/{id}/polls/{pollId}/votes");
            x.As(resident);
            x.StatusCodeShouldBe(status);
        });

    /// <summary>Votes without asserting the status; returns it.</summary>
    public static async Task<int> TryVoteAsync(this AppFixture app, Guid id, Guid pollId, Actor resident, int option, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { option }).ToUrl($"/api/cities/{city}/town-halls/{id}/polls/{pollId}/votes");
            x.As(resident);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    public static async Task<JsonElement> GetTownHallAsync(this AppFixture app, Guid id, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/town-halls/{id}");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    /// <summary>The votes per option of a poll result, in the order offered.</summary>
    public static long[] Votes(this JsonElement poll) =>
        poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt64()).ToArray();
}
