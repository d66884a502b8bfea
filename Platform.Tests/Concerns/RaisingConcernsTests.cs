
namespace Platform.Tests.Concerns;

[Collection(IntegrationCollection.Name)]
public class RaisingConcernsTests(AppFixture app)
{
    [Fact]
    public async Task A_raised_concern_answers_201_with_its_id_and_location_and_can_be_read()
    {
        var author = await app.ResidentAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(ConcernApi.ValidBody("Raised and read back")).ToUrl("/api/cities/york/concerns");
            x.As(author);
            x.StatusCodeShouldBe(201);
        });
        var id = Json.Parse(await result.ReadAsTextAsync()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/cities/york/concerns/{id}", result.Context.Response.Headers.Location.ToString());

        var view = await app.GetConcernAsync(id);
        Assert.Equal(id, view.GetProperty("id").GetGuid());
        Assert.Equal("Raised and read back", view.GetProperty("title").GetString());
        Assert.Equal(["mobility", "disability-inclusion"], view.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["11.2"], view.GetProperty("sdgTargets").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Tang Hall", view.GetProperty("district").GetString());
        Assert.Equal("open", view.GetProperty("status").GetString());
        Assert.Equal(0, view.GetProperty("supports").GetInt64());
        Assert.True(view.GetProperty("version").GetInt64() > 0);
        Assert.False(view.TryGetProperty("authorId", out _), "the author's identity is not part of the public view");
    }

    [Fact]
    public async Task The_event_is_stored_in_the_city_tenant_only()
    {
        var id = await app.RaiseAsync("utrecht");

        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/utrecht/concerns/{id}"); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/concerns/{id}"); x.StatusCodeShouldBe(404); });

        await using var session = app.Store.QuerySession("utrecht");
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Equal("ConcernRaised", Assert.Single(events).Data.GetType().Name);
        await using var york = app.Store.QuerySession("york");
        Assert.Empty(await york.Events.FetchStreamAsync(id));
    }

    [Fact]
    public async Task The_list_is_newest_first_and_paged()
    {
        var first = await app.RaiseAsync("lviv", ConcernApi.ValidBody("older"));
        var second = await app.RaiseAsync("lviv", ConcernApi.ValidBody("newer"));

        var result = await app.Host.Scenario(x => x.Get.Url("/api/cities/lviv/concerns?page=1&pageSize=2"));
        var page = Json.Parse(await result.ReadAsTextAsync());
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([second, first], ids);
        Assert.Equal(2, page.GetProperty("pageSize").GetInt32());
        Assert.True(page.GetProperty("total").GetInt64() >= 2);

        var next = Json.Parse(await (await app.Host.Scenario(x => x.Get.Url("/api/cities/lviv/concerns?page=2&pageSize=1"))).ReadAsTextAsync());
        Assert.Equal(first, next.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    public async Task Paging_out_of_range_is_a_400_naming_the_parameter(string query, string field)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/concerns?{query}"); x.StatusCodeShouldBe(400); });
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Raising_needs_a_signed_in_member_of_the_city()
    {
        var utrechter = await app.ResidentAsync("utrecht");
        var before = await app.EventCountAsync();
        await app.Host.Scenario(x => { x.Post.Json(ConcernApi.ValidBody()).ToUrl("/api/cities/york/concerns"); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x =>
        {
            x.Post.Json(ConcernApi.ValidBody()).ToUrl("/api/cities/york/concerns");
            x.WithRequestHeader("Authorization", "Bearer not-a-token");
            x.StatusCodeShouldBe(401);
        });
        await app.Host.Scenario(x => { x.Post.Json(ConcernApi.ValidBody()).ToUrl("/api/cities/york/concerns"); x.As(utrechter); x.StatusCodeShouldBe(403); });
        Assert.Equal(before, await app.EventCountAsync());
    }
}
