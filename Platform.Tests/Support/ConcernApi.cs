using System.Text.Json;
using Alba;

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
}
