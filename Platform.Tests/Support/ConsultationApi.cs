
namespace Platform.Tests.Support;

/// <summary>Short ways to call the consultation endpoints from tests.</summary>
public static class ConsultationApi
{
    public static object Questions() => new object[]
    {
        new { id = "bus", text = "Which bus route matters most?", kind = "singleChoice", options = new[] { "6", "10", "59" } },
        new { id = "needs", text = "What would help you travel?", kind = "multipleChoice", options = new[] { "ramps", "audio", "seats" } },
        new { id = "safe", text = "How safe do you feel at stops?", kind = "scale", options = Array.Empty<string>(), indicatorCode = "HR-SEC-03" },
        new { id = "more", text = "Anything else?", kind = "freeText" },
    };

    public static object OpenBody(DateTimeOffset? closesAt = null, DateTimeOffset? opensAt = null) => new
    {
        opensAt,
        closesAt = closesAt ?? DateTimeOffset.UtcNow.AddDays(14),
        questions = Questions(),
    };

    public static object Answers(string bus = "6", string[]? needs = null, int safe = 3, string? more = "More buses at night.") => new
    {
        answers = new object?[]
        {
            new { questionId = "bus", choices = new[] { bus } },
            new { questionId = "needs", choices = needs ?? ["ramps", "audio"] },
            new { questionId = "safe", scale = safe },
            more is null ? null : new { questionId = "more", text = more },
        }.Where(a => a is not null),
    };

    public static Task<Actor> OfficialAsync(this AppFixture app, string city = "york") => app.AccountAsync(city, CityRole.Official);

    public static async Task<Guid> DraftConsultationAsync(this AppFixture app, Actor official, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { title = "Getting around Tang Hall", description = "Tell us how you travel." }).ToUrl($"/api/cities/{city}/consultations");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
    }

    /// <summary>Drafts and opens a consultation with <see cref="Questions"/>; returns its id.</summary>
    public static async Task<Guid> OpenConsultationAsync(this AppFixture app, Actor? official = null, string city = "york",
        DateTimeOffset? closesAt = null, DateTimeOffset? opensAt = null)
    {
        official ??= await app.OfficialAsync(city);
        var id = await app.DraftConsultationAsync(official, city);
        await app.Host.Scenario(x =>
        {
            x.Post.Json(OpenBody(closesAt, opensAt)).ToUrl($"/api/cities/{city}/consultations/{id}/open");
            x.As(official);
            x.StatusCodeShouldBeOk();
        });
        return id;
    }

    public static async Task<IScenarioResult> RespondAsync(this AppFixture app, Guid id, Actor resident, object? body = null, int status = 201, string city = "york") =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(body ?? Answers()).ToUrl($"/api/cities/{city}/consultations/{id}/responses");
            x.As(resident);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<IScenarioResult> AmendAsync(this AppFixture app, Guid id, Actor resident, object body, int status = 200, string city = "york") =>
        await app.Host.Scenario(x =>
        {
            x.Put.Json(body).ToUrl($"/api/cities/{city}/consultations/{id}/responses/mine");
            x.As(resident);
            x.StatusCodeShouldBe(status);
        });

    public static async Task<JsonElement> ResultsAsync(this AppFixture app, Guid id, Actor? caller = null, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/consultations/{id}/results");
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<JsonElement> GetConsultationAsync(this AppFixture app, Guid id, Actor? caller = null, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/consultations/{id}");
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static JsonElement Question(this JsonElement results, string id) =>
        results.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetString() == id);

    public static long Count(this JsonElement question, string option) =>
        question.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("option").GetString() == option).GetProperty("count").GetInt64();
}
