
namespace Platform.Tests.Concerns;

/// <summary>Filters, order and paging of a city's concern list, and a concern's history.</summary>
[Collection(IntegrationCollection.Name)]
public class ListingConcernsTests(AppFixture app)
{
    private static object Body(string title, string[] rights, string[] sdgTargets, string district, string description = "") =>
        new { title, description, rights, sdgTargets, district };

    /// <summary>Four concerns in a fresh city: housing (2 supports, acknowledged), mobility (3 supports), water, and an old mobility one.</summary>
    private async Task<(string City, Guid Housing, Guid Mobility, Guid Water, Guid Old)> FourConcernsAsync()
    {
        var city = await app.NewCityAsync();
        var old = await app.RaiseAsync(city, Body("Broken lift at the station", ["mobility"], ["11.2"], "Centre"));
        var housing = await app.RaiseAsync(city, Body("Damp council flats", ["housing"], ["11.1"], "Tang Hall", "Mould in every bedroom."));
        var mobility = await app.RaiseAsync(city, Body("No step-free buses", ["mobility", "disability-inclusion"], ["11.2"], "tang hall"));
        var water = await app.RaiseAsync(city, Body("Water cut for a week", ["food-water"], ["6.1"], "Centre"));
        foreach (var r in await app.AccountsAsync(3, city)) await app.SupportAsync(mobility, r, city);
        foreach (var r in await app.AccountsAsync(2, city)) await app.SupportAsync(housing, r, city);
        await app.ActAsync(housing, "acknowledgement", await app.OfficialAsync(city), new { department = "Housing" }, city: city);
        return (city, housing, mobility, water, old);
    }

    private async Task<IReadOnlyList<Guid>> ListAsync(string city, string query) =>
        Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?{query}")).Ids();

    [Fact]
    public async Task Filters_narrow_the_list_and_sort_orders_it()
    {
        var (city, housing, mobility, water, old) = await FourConcernsAsync();

        Assert.Equal([water, mobility, housing, old], await ListAsync(city, ""));
        Assert.Equal([water, mobility, housing, old], await ListAsync(city, "sort=recent"));
        Assert.Equal([mobility, housing, water, old], await ListAsync(city, "sort=supports"));
        Assert.Equal([mobility, old], await ListAsync(city, "right=mobility"));
        Assert.Equal([mobility], await ListAsync(city, "right=disability-inclusion"));
        Assert.Equal([mobility, old], await ListAsync(city, "sdgTarget=11.2"));
        Assert.Equal([housing], await ListAsync(city, "status=acknowledged"));
        Assert.Equal([water, mobility, old], await ListAsync(city, "status=open"));
        Assert.Equal([mobility, housing], await ListAsync(city, "district=Tang%20Hall"));
        Assert.Equal([housing], await ListAsync(city, "q=mould"));
        Assert.Equal([mobility], await ListAsync(city, "q=STEP-FREE%20buses&right=mobility"));
        Assert.Equal([water, old], await ListAsync(city, "district=centre&sort=recent"));
        Assert.Equal([mobility], await ListAsync(city, "right=mobility&sdgTarget=11.2&district=tang%20hall&sort=supports"));
        Assert.Empty(await ListAsync(city, "q=100%25"));
        Assert.Empty(await ListAsync(city, "status=resolved"));
    }

    [Fact]
    public async Task Pages_are_sized_and_counted_up_to_the_maximum()
    {
        var (city, housing, mobility, water, old) = await FourConcernsAsync();

        var first = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?sort=supports&pageSize=3"));
        Assert.Equal([mobility, housing, water], first.Ids());
        Assert.Equal(4, first.GetProperty("total").GetInt64());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        var second = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?sort=supports&pageSize=3&page=2"));
        Assert.Equal([old], second.Ids());
        Assert.Equal(4, second.GetProperty("total").GetInt64());
        var beyond = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?pageSize=3&page=9"));
        Assert.Empty(beyond.Ids());
        Assert.Equal(4, beyond.GetProperty("total").GetInt64());

        Assert.Equal(100, Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?pageSize=100")).GetProperty("pageSize").GetInt32());
        Assert.Equal(20, Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns")).GetProperty("pageSize").GetInt32());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("right=teleportation", "right")]
    [InlineData("sdgTarget=99.9", "sdgTarget")]
    [InlineData("status=pending", "status")]
    [InlineData("status=1", "status")]
    [InlineData("sort=oldest", "sort")]
    public async Task A_bad_filter_is_a_400_problem_naming_the_parameter(string query, string field)
    {
        var result = await app.GetTextAsync($"/api/cities/york/concerns?{query}", status: 400);
        var problem = Json.Parse(result);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                    || problem.GetProperty("detail").GetString()!.Contains(field), $"the problem should name '{field}': {result}");
    }

    [Fact]
    public async Task The_history_lists_every_event_with_time_and_role_but_no_identity()
    {
        var author = await app.ResidentAsync();
        var official = await app.OfficialAsync();
        var id = await app.RaiseAsync(author: author);
        await app.SupportAsync(id, await app.ResidentAsync());
        await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" });
        await app.ActAsync(id, "answer", official, new { answer = "Kerbs by June." });
        await app.ActAsync(id, "resolution", official, new { note = "Kerbs raised." });

        var text = await app.GetTextAsync($"/api/cities/york/concerns/{id}/history");
        var history = Json.Parse(text).EnumerateArray().ToList();

        Assert.Equal(["raised", "acknowledged", "answered", "resolved"], history.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(["resident", "official", "official", "official"], history.Select(e => e.GetProperty("actorRole").GetString()));
        Assert.Equal([1L, 2, 3, 4], history.Select(e => e.GetProperty("version").GetInt64()));
        var times = history.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.All(times, t => Assert.InRange(t, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1)));
        Assert.Equal(times.Order(), times);
        Assert.Equal("Kerbs by June.", history[2].GetProperty("details").GetString());
        Assert.DoesNotContain(author.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(official.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);

        await app.GetTextAsync($"/api/cities/york/concerns/{Guid.CreateVersion7()}/history", status: 404);
        await app.GetTextAsync($"/api/cities/utrecht/concerns/{id}/history", status: 404);
    }
}
