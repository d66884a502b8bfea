
namespace Platform.Tests.Support;

/// <summary>Adoption and measurements through the API, for monitoring tests (each in a fresh city).</summary>
public static class MonitoringApi
{
    /// <summary>A fresh city and an official of it, so series never collide between tests.</summary>
    public static async Task<(string City, Actor Official)> MonitoringCityAsync(this AppFixture app)
    {
        var city = await app.NewCityAsync();
        return (city, await app.AccountAsync(city, CityRole.Official));
    }

    public static async Task AdoptAsync(this AppFixture app, string city, Actor official, string code = "IND-013",
        string baselinePeriod = "2018", double baselineValue = 80, double? target = 95, int? targetYear = 2030)
    {
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { code, baseline = new { period = baselinePeriod, value = baselineValue }, target, targetYear, department = "Housing" })
                .ToUrl($"/api/cities/{city}/indicators");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
    }

    public static async Task<IScenarioResult> RecordAsync(this AppFixture app, string city, Actor official, string code, object body, int status = 201) =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl($"/api/cities/{city}/indicators/{code}/measurements");
            x.As(official);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<IScenarioResult> ImportAsync(this AppFixture app, string city, Actor official, string code, string csv, int status = 200, string query = "") =>
        await app.Host.Scenario(x =>
        {
            x.Post.Text(csv).ToUrl($"/api/cities/{city}/indicators/{code}/measurements/import{query}");
            x.ConfigureHttpContext(c => c.Request.ContentType = "text/csv");
            x.As(official);
            x.StatusCodeShouldBe(status);
        });
}
