
namespace Platform.Tests.Support;

/// <summary>Short ways to call the good-practice endpoints from tests.</summary>
public static class PracticeApi
{
    public static object Body(string title = "Night buses for shift workers", string[]? rights = null, string[]? indicatorCodes = null,
        Guid[]? commitmentIds = null) => new
    {
        title,
        summary = "Three night bus lines, planned with the hospital and factory workers who need them.",
        whatWasDone = "The council surveyed 600 shift workers, then ran three night lines on a one-year trial.",
        results = "Night ridership doubled in six months; late-shift absences fell by a fifth.",
        rights = rights ?? ["mobility"],
        indicatorCodes = indicatorCodes ?? [],
        commitmentIds = commitmentIds ?? [],
        contact = "transport@council.example",
    };

    /// <summary>A fresh city with an official of it (practices never collide between tests).</summary>
    public static async Task<(string City, Actor Official)> PracticeCityAsync(this AppFixture app)
    {
        var city = await app.NewCityAsync();
        return (city, await app.AccountAsync(city, CityRole.Official));
    }

    public static async Task<JsonElement> PublishPracticeAsync(this AppFixture app, string city, Actor official, object? body = null)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(body ?? Body()).ToUrl($"/api/cities/{city}/practices");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<Guid> PracticeAsync(this AppFixture app, string city, Actor official, object? body = null) =>
        (await app.PublishPracticeAsync(city, official, body)).GetProperty("id").GetGuid();

    public static async Task<JsonElement> AdoptPracticeAsync(this AppFixture app, string city, Actor official, Guid practice, string? note = "Two lines from May.",
        int status = 200) =>
        Json.Parse(await (await app.SendAsync(HttpMethod.Put, $"/api/cities/{city}/adopted-practices/{practice}", new { note }, official, status)).ReadAsTextAsync());

    public static async Task<JsonElement> GetJsonAsync(this AppFixture app, string url, int status = 200) =>
        Json.Parse(await app.GetTextAsync(url, status: status));
}
