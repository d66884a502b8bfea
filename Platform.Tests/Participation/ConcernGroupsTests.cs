namespace Platform.Tests.Participation;

/// <summary>Concerns tagged with the groups they affect (docs/participation.md): when raised, and later by the city's officials.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConcernGroupsTests(AppFixture app)
{
    private static object Raise(string title, params string[] groups) => new { title, rights = new[] { "housing" }, groups };

    [Fact]
    public async Task A_concern_raised_with_groups_shows_them_and_the_list_filters_by_group()
    {
        var city = await app.NewCityAsync();
        var tagged = await app.RaiseAsync(city, Raise("No lift in the tower block", "disability", "older-people"));
        var other = await app.RaiseAsync(city, Raise("Rents doubled", "low-income"));
        await app.RaiseAsync(city, Raise("Potholes"));

        var concern = await app.GetConcernAsync(tagged, city);
        Assert.Equal(["disability", "older-people"], concern.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal([tagged], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?group=older-people")).Ids());
        Assert.Equal([other], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?group=low-income")).Ids());
        Assert.Contains("No lift in the tower block", await app.GetTextAsync($"/cities/{city}/concerns?group=disability"));
        Assert.DoesNotContain("Rents doubled", await app.GetTextAsync($"/cities/{city}/concerns?group=disability"));

        var history = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{tagged}/history"));
        var entry = history.EnumerateArray().Single(e => e.GetProperty("event").GetString() == "groups-tagged");
        Assert.Equal("author", entry.GetProperty("actorRole").GetString());
    }

    [Fact]
    public async Task Unknown_and_too_many_groups_are_refused_naming_them_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var author = await app.ResidentAsync(city);
        var events = await app.EventCountAsync();
        var unknown = await app.Host.Scenario(x => { x.Post.Json(Raise("Bad tag", "women", "aliens")).ToUrl($"/api/cities/{city}/concerns"); x.As(author); x.StatusCodeShouldBe(400); });
        await ProblemAssert.NamesAsync(unknown, 400, "groups[1]");
        var many = await app.Host.Scenario(x =>
        {
            x.Post.Json(Raise("Many tags", "women", "children", "disability", "migrants", "homeless", "lgbtiq")).ToUrl($"/api/cities/{city}/concerns");
            x.As(author);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(many, 400, "groups");
        Assert.Equal(events, await app.EventCountAsync());
        var filter = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/concerns?group=aliens"); x.StatusCodeShouldBe(400); });
        await ProblemAssert.NamesAsync(filter, 400, "group");
    }

    [Fact]
    public async Task The_citys_officials_tag_a_concern_later_and_no_one_else_can()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        var id = await app.RaiseAsync(city);
        var url = $"/api/cities/{city}/concerns/{id}/groups";
        var body = new { groups = new[] { "migrants", "children" } };
        var events = await app.EventCountAsync();
        await app.SendForJsonAsync(HttpMethod.Put, url, body, await app.ResidentAsync(city), 403);
        await app.SendForJsonAsync(HttpMethod.Put, url, body, await app.OfficialAsync(other), 403);
        await app.SendForJsonAsync(HttpMethod.Put, url, body, null, 401);
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{other}/concerns/{id}/groups", body, await app.OfficialAsync(other), 404);
        Assert.Equal(events, await app.EventCountAsync());

        var official = await app.OfficialAsync(city);
        var answered = await app.SendForJsonAsync(HttpMethod.Put, url, body, official, 200);
        Assert.Equal(["migrants", "children"], answered.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        await app.SendForJsonAsync(HttpMethod.Put, url, new { groups = new[] { "children", "migrants" } }, official, 200); // the same set: nothing new
        Assert.Equal(events + 1, await app.EventCountAsync());
        var refused = await app.Host.Scenario(x => { x.Put.Json(new { groups = new[] { "children", new string('x', 10_000) } }).ToUrl(url); x.As(official); x.StatusCodeShouldBe(400); });
        await ProblemAssert.NamesAsync(refused, 400, "groups[1]");

        await app.SendForJsonAsync(HttpMethod.Put, url, new { groups = Array.Empty<string>() }, official, 200);
        Assert.Equal(0, (await app.GetConcernAsync(id, city)).GetProperty("groups").GetArrayLength());
        var history = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history"));
        Assert.All(history.EnumerateArray().Where(e => e.GetProperty("event").GetString() == "groups-tagged"),
            e => Assert.Equal("official", e.GetProperty("actorRole").GetString()));
    }
}
