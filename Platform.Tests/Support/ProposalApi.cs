using Platform.Api.Cities;

namespace Platform.Tests.Support;

/// <summary>Short ways to call the proposal endpoints from tests.</summary>
public static class ProposalApi
{
    public static object ValidBody(string title = "Step-free access at every tram stop", string district = "Tang Hall") => new
    {
        title,
        description = "Raise the kerbs of all stops by 2028.",
        rights = new[] { "mobility", "disability-inclusion" },
        sdgTargets = new[] { "11.2" },
        district,
    };

    /// <summary>Submits a proposal as <paramref name="author"/> (a new resident of the city when null).</summary>
    public static async Task<Guid> SubmitAsync(this AppFixture app, string city = "york", object? body = null, Actor? author = null)
    {
        author ??= await app.ResidentAsync(city);
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(body ?? ValidBody()).ToUrl($"/api/cities/{city}/proposals");
            x.As(author);
            x.StatusCodeShouldBe(201);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> SupportProposalAsync(this AppFixture app, Guid proposalId, Actor resident, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Url($"/api/cities/{city}/proposals/{proposalId}/supports");
            x.As(resident);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    public static async Task<JsonElement> GetProposalAsync(this AppFixture app, Guid proposalId, string city = "york", Actor? caller = null)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/proposals/{proposalId}");
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    /// <summary>Posts <paramref name="body"/> to a proposal action (acceptance, rejection, withdrawal) and expects <paramref name="status"/>.</summary>
    public static async Task<JsonElement> ActOnProposalAsync(this AppFixture app, Guid proposalId, string action, Actor? caller, object? body, int status, string city = "york")
    {
        var result = await app.Host.Scenario(x =>
        {
            if (body is null) x.Post.Url($"/api/cities/{city}/proposals/{proposalId}/{action}");
            else x.Post.Json(body).ToUrl($"/api/cities/{city}/proposals/{proposalId}/{action}");
            if (caller is not null) x.As(caller);
            x.StatusCodeShouldBe(status);
        });
        var text = await result.ReadAsTextAsync();
        return text.Length == 0 ? default : Json.Parse(text);
    }

    /// <summary>A new city (its own tenant) with the given proposal settings, so threshold tests do not change the demo cities.</summary>
    public static async Task<string> CityWithThresholdAsync(this AppFixture app, int threshold, int decisionDays = 60, bool verifiedOnly = false)
    {
        var slug = $"t{Guid.NewGuid():N}"[..20];
        await using var session = app.Store.LightweightSession();
        session.Store(new City
        {
            Id = slug,
            Names = new() { ["en"] = "Threshold town" },
            TimeZone = "Europe/London",
            RegisteredAt = DateTimeOffset.UtcNow,
            Settings = new CitySettings { ProposalSupportThreshold = threshold, ProposalDecisionDays = decisionDays, SupportsRequireVerifiedResidency = verifiedOnly },
        });
        await session.SaveChangesAsync();
        return slug;
    }

    /// <summary>How many events of one type the city's tenant holds for a stream.</summary>
    public static async Task<int> EventsOfAsync<T>(this AppFixture app, Guid streamId, string city = "york")
    {
        await using var session = app.Store.QuerySession(city);
        var events = await session.Events.FetchStreamAsync(streamId);
        return events.Count(e => e.Data is T);
    }
}
