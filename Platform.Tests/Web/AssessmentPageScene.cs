using Platform.Api.Cities;
using Platform.Domain.Reference;

namespace Platform.Tests.Web;

/// <summary>
/// What the pages of UN recommendations, assessment cycles and peer reviews act on, prepared in a scene's city through the
/// API: the city's council writes as its officials; York's officials review, and a network administrator assigns them.
/// </summary>
public static class AssessmentPageScene
{
    private static readonly string[] Items = FrameworkCatalogue.Default.Items.Select(i => i.Code).ToArray();

    private static string Level(string item) => item.StartsWith('A') ? "inPlaceAndEvaluated" : "inPlace";

    /// <summary>A UN recommendation of the city (a paragraph of its own), answered "supported" when asked; returns its id.</summary>
    public static async Task<Guid> UnRecommendationAsync(this PageScene scene, bool supported = false)
    {
        var url = $"/api/cities/{scene.City}/un-recommendations";
        var id = (await scene.SendAsync(HttpMethod.Post, url, Accounts.Scene.UnRecommendationBody())).GetProperty("id").GetGuid();
        if (supported) await scene.SendAsync(HttpMethod.Post, $"{url}/{id}/response", new { response = "supported" });
        return id;
    }

    /// <summary>Assesses every item of the city's cycles still in draft and submits them, so that a new one may start.</summary>
    public static async Task SubmitOpenDraftsAsync(this PageScene scene)
    {
        var cycles = await scene.SendAsync(HttpMethod.Get, $"/api/cities/{scene.City}/assessments");
        foreach (var draft in cycles.EnumerateArray().Where(c => c.GetProperty("stage").GetString() == "draft"))
        {
            var cycle = draft.GetProperty("cycle").GetString()!;
            await AssessAllAsync(scene, cycle);
            await scene.SendAsync(HttpMethod.Post, $"/api/cities/{scene.City}/assessments/{cycle}/submit");
        }
    }

    /// <summary>The city's cycle in draft, started when there is none; returns its name.</summary>
    public static async Task<string> OpenDraftAsync(this PageScene scene)
    {
        var cycles = await scene.SendAsync(HttpMethod.Get, $"/api/cities/{scene.City}/assessments");
        if (cycles.EnumerateArray().FirstOrDefault(c => c.GetProperty("stage").GetString() == "draft") is { ValueKind: JsonValueKind.Object } draft)
            return draft.GetProperty("cycle").GetString()!;
        var cycle = $"p{Guid.NewGuid():N}"[..12];
        await scene.SendAsync(HttpMethod.Post, $"/api/cities/{scene.City}/assessments", new { cycle });
        return cycle;
    }

    /// <summary>The city's cycle in draft with every item assessed (ready to submit); returns its name.</summary>
    public static async Task<string> CompleteDraftAsync(this PageScene scene)
    {
        var cycle = await scene.OpenDraftAsync();
        await AssessAllAsync(scene, cycle);
        return cycle;
    }

    /// <summary>A cycle of the city reviewed by York with one recommendation, answered "supported" when asked; returns the cycle and the recommendation.</summary>
    public static async Task<(string Cycle, Guid Recommendation)> ReviewedAsync(this PageScene scene, bool supported)
    {
        var cycle = await scene.CompleteDraftAsync();
        var url = $"/api/cities/{scene.City}/assessments/{cycle}";
        await scene.SendAsync(HttpMethod.Post, $"{url}/submit");
        using var api = new BrowserApi(scene.Browser);
        await api.PostAsync(await scene.Browser.AdministratorTokenAsync(api), $"{url}/reviewer", new { reviewerCity = "york" });
        var (_, reviewer) = await scene.Browser.OfficialAsync(api, "york");
        var recommendation = (await api.PostAsync(reviewer, $"{url}/review/recommendations", new { text = "Meet every month.", item = "B4", rights = new[] { "participation" } }))
            .GetProperty("id").GetGuid();
        await api.PostAsync(reviewer, $"{url}/review/submit");
        if (supported) await scene.SendAsync(HttpMethod.Post, $"{url}/recommendations/{recommendation}/response", new { response = "supported" });
        return (cycle, recommendation);
    }

    /// <summary>
    /// A new city whose submitted cycle the scene's city is assigned to review (with one finding of the scene's council when
    /// asked); returns the reviewed city and the cycle.
    /// </summary>
    public static async Task<(string Reviewed, string Cycle)> ToReviewAsync(this PageScene scene, bool withFinding = false)
    {
        var reviewed = await scene.Browser.NewCityAsync("Reviewton");
        using var api = new BrowserApi(scene.Browser);
        var (_, official) = await scene.Browser.OfficialAsync(api, reviewed);
        const string cycle = "2026";
        var url = $"/api/cities/{reviewed}/assessments/{cycle}";
        await api.PostAsync(official, $"/api/cities/{reviewed}/assessments", new { cycle });
        foreach (var item in Items) await api.PostAsync(official, $"{url}/items", new { item, level = Level(item), evidence = new[] { $"https://example.org/{item}" } });
        await api.PostAsync(official, $"{url}/submit");
        await api.PostAsync(await scene.Browser.AdministratorTokenAsync(api), $"{url}/reviewer", new { reviewerCity = scene.City });
        if (withFinding) await scene.SendAsync(HttpMethod.Post, $"{url}/review/findings", new { item = "B4", finding = "The council meets twice a year." });
        return (reviewed, cycle);
    }

    /// <summary>A new city of the browser host's network (stored directly); returns its slug.</summary>
    public static async Task<string> NewCityAsync(this BrowserFixture browser, string name)
    {
        var slug = $"c{Guid.NewGuid():N}"[..20];
        await using var session = browser.Store.LightweightSession();
        session.Store(new City { Id = slug, Names = new() { ["en"] = name }, TimeZone = "Europe/London", RegisteredAt = DateTimeOffset.UtcNow });
        await session.SaveChangesAsync();
        return slug;
    }

    private static async Task AssessAllAsync(PageScene scene, string cycle)
    {
        foreach (var item in Items)
            await scene.SendAsync(HttpMethod.Post, $"/api/cities/{scene.City}/assessments/{cycle}/items",
                new { item, level = Level(item), evidence = new[] { $"https://example.org/{item}" } });
    }
}
