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

    public static async Task<Guid> RaiseAsync(this IAlbaHost host, string city = "york", object? body = null, Guid? resident = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(body ?? ValidBody()).ToUrl($"/api/cities/{city}/concerns");
            x.As(resident ?? Residents.New());
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SupportAsync(this IAlbaHost host, Guid concernId, Guid resident, string city = "york")
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/concerns/{concernId}/supports");
            x.As(resident);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<JsonElement> GetConcernAsync(this IAlbaHost host, Guid concernId, string city = "york")
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/concerns/{concernId}");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }
}
