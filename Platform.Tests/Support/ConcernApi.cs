
namespace Platform.Tests.Support;

/// <summary>Short ways to call the concern endpoints from tests.</summary>
public static class ConcernApi
{
    public static object ValidBody(string title = "Bus stops without step-free access") => new
    {
        title,
        description = "Route 6 has no raised kerbs.",
        rights = new[] { "mobility", "disability-inclusion" },
        sdgTargets = new[] { "11.2" },
        district = "Tang Hall",
    };

    /// <summary>Raises a concern as <paramref name="author"/> (a new resident of the city when null).</summary>
    public static async Task<Guid> RaiseAsync(this AppFixture app, string city = "york", object? body = null, Actor? author = null)
    {
        author ??= await app.ResidentAsync(city);
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(body ?? ValidBody()).ToUrl($"/api/cities/{city}/concerns");
            x.As(author);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SupportAsync(this AppFixture app, Guid concernId, Actor resident, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/concerns/{concernId}/supports");
            x.As(resident);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<JsonElement> GetConcernAsync(this AppFixture app, Guid concernId, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/concerns/{concernId}");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    /// <summary>
    /// Posts to a concern's lifecycle endpoint (<c>acknowledgement</c>, <c>answer</c>, <c>declination</c>,
    /// <c>resolution</c>, <c>hiding</c>, <c>restoration</c>, <c>withdrawal</c>) and returns the answer's body
    /// (default when empty). <paramref name="caller"/> null means anonymous.
    /// </summary>
    public static async Task<JsonElement> ActAsync(this AppFixture app, Guid concernId, string action, Actor? caller, object? body = null,
        int status = 200, string city = "york")
    {
        var url = $"/api/cities/{city}/concerns/{concernId}/{action}";
        var result = await app.Host.Scenario(x =>
        {
            if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : Json.Parse(text);
    }

    /// <summary>GETs a URL as <paramref name="caller"/> (anonymous when null) and returns the raw body, asserting the status.</summary>
    public static async Task<string> GetTextAsync(this AppFixture app, string url, Actor? caller = null, int status = 200)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url(url);
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBe(status);
        });
        return await result.ReadAsTextAsync();
    }

    public static IReadOnlyList<Guid> Ids(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;
}
