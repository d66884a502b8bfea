
namespace Platform.Tests.Support;

/// <summary>Short ways to call the commitment endpoints from tests.</summary>
public static class CommitmentApi
{
    public static string Today(string zone = "Europe/London", DateTimeOffset? at = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at ?? DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime).ToString("yyyy-MM-dd");

    public static string InDays(int days) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd");

    public static object Body(string? dueDate = null, object[]? origins = null, Guid? parentId = null, decimal? weight = null,
        string department = "Housing", string[]? rights = null, string[]? sdgTargets = null) => new
    {
        title = "Step-free access at every Tang Hall bus stop",
        description = "Raised kerbs and shelters at the 14 stops of route 6.",
        rights = rights ?? ["housing"],
        sdgTargets = sdgTargets ?? ["11.2"],
        indicatorCodes = new[] { "IND-002" },
        department,
        dueDate = dueDate ?? InDays(180),
        budget = 250000m,
        origins = origins ?? [],
        parentId,
        weight,
    };

    public static async Task<JsonElement> PublishAsync(this AppFixture app, Actor official, object? body = null, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(body ?? Body()).ToUrl($"/api/cities/{city}/commitments");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<Guid> PublishCommitmentAsync(this AppFixture app, Actor official, object? body = null, string city = "york") =>
        (await app.PublishAsync(official, body, city)).GetProperty("id").GetGuid();

    /// <summary>POST to a lifecycle action (milestones, progress, deadline, fulfilment, abandonment).</summary>
    public static async Task<JsonElement> ActAsync(this AppFixture app, Guid id, string action, object body, Actor official, int status = 200, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl($"/api/cities/{city}/commitments/{id}/{action}");
            x.As(official);
            x.StatusCodeShouldBe(status);
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<JsonElement> GetCommitmentAsync(this AppFixture app, Guid id, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/commitments/{id}");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<JsonElement> ListCommitmentsAsync(this AppFixture app, string query, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/commitments?{query}");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static string[] TimelineKinds(this JsonElement commitment) =>
        commitment.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!).ToArray();
}
