
namespace Platform.Tests.Monitoring;

/// <summary>Browsing the indicator catalogue and the rights taxonomy; administrators adding and revising indicators.</summary>
[Collection(IntegrationCollection.Name)]
public class CatalogueTests(AppFixture app)
{
    private async Task<System.Text.Json.JsonElement> GetAsync(string url, int status = 200)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(status); });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task The_catalogue_holds_the_78_shipped_indicators_20_of_them_core_and_filters_them()
    {
        var all = await GetAsync("/api/indicators");
        Assert.True(all.GetProperty("count").GetInt32() >= 78);
        Assert.Equal(20, (await GetAsync("/api/indicators?core=true")).GetProperty("indicators").EnumerateArray()
            .Count(i => i.GetProperty("code").GetString()!.StartsWith("IND-0", StringComparison.Ordinal)));
        var housing = await GetAsync("/api/indicators?right=housing&type=outcome");
        Assert.All(housing.GetProperty("indicators").EnumerateArray(), i =>
        {
            Assert.Equal("housing", i.GetProperty("right").GetString());
            Assert.Equal("outcome", i.GetProperty("type").GetString());
        });
        var sdg = await GetAsync("/api/indicators?sdg=16.1");
        Assert.Contains(sdg.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "IND-072");

        var one = await GetAsync("/api/indicators/IND-016");
        var indicator = one.GetProperty("indicator");
        Assert.Equal("rate", indicator.GetProperty("unitKind").GetString());
        Assert.Equal(100000, indicator.GetProperty("rateBase").GetInt32());
        Assert.Equal("decrease", indicator.GetProperty("direction").GetString());
        Assert.True(indicator.GetProperty("core").GetBoolean());
        Assert.Contains("sex", indicator.GetProperty("disaggregations").EnumerateArray().Select(d => d.GetString()));
        await GetAsync("/api/indicators/NOPE-1", 404);
        await GetAsync("/api/indicators?type=everything", 400);
    }

    [Fact]
    public async Task A_right_shows_its_articles_and_indicators()
    {
        var housing = await GetAsync("/api/rights/housing");
        Assert.Equal("Adequate housing", housing.GetProperty("name").GetString());
        Assert.Contains(housing.GetProperty("udhr").EnumerateArray(), a => a.GetProperty("number").GetString() == "25");
        Assert.Contains(housing.GetProperty("euCharter").EnumerateArray(), a => a.GetProperty("number").GetString() == "34" && a.GetProperty("chapter").GetString()!.Length > 0);
        Assert.Contains(housing.GetProperty("indicators").EnumerateArray(), i => i.GetProperty("code").GetString() == "IND-016");
        Assert.True(housing.GetProperty("concerns").GetInt32() >= 0);
        var rights = await GetAsync("/api/rights");
        Assert.True(rights.GetArrayLength() >= 20);
        await GetAsync("/api/rights/flying", 404);
    }

    [Fact]
    public async Task Administrators_add_and_revise_indicators_and_revisions_are_numbered()
    {
        var admin = await app.NetworkAdministratorAsync();
        var code = $"NET-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { code, name = "Share of bus stops with step-free access", right = "mobility", type = "outcome", unit = "%", unitKind = "percentage", direction = "increase", disaggregations = new[] { "district" } }).ToUrl("/api/indicators");
            x.As(admin);
            x.StatusCodeShouldBe(201);
        });
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { name = "Share of bus stops and tram stops with step-free access" }).ToUrl($"/api/indicators/{code}");
            x.As(admin);
            x.StatusCodeShouldBe(200);
        });
        var revised = await GetAsync($"/api/indicators/{code}");
        Assert.Equal(2, revised.GetProperty("indicator").GetProperty("version").GetInt32());
        Assert.Equal(2, revised.GetProperty("revisions").GetArrayLength());

        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { unitKind = "furlongs" }).ToUrl($"/api/indicators/{code}");
            x.As(admin);
            x.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { code, name = "Again", right = "mobility", type = "outcome", unit = "%", direction = "increase" }).ToUrl("/api/indicators");
            x.As(admin);
            x.StatusCodeShouldBe(409);
        });
        var official = await app.OfficialAsync();
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { name = "Hijack" }).ToUrl($"/api/indicators/{code}");
            x.As(official);
            x.StatusCodeShouldBe(403);
        });
    }
}
