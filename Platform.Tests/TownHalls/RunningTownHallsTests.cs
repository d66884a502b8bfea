
namespace Platform.Tests.TownHalls;

/// <summary>The life of a town hall over HTTP: scheduled, opened, polls one at a time, closed with minutes.</summary>
[Collection(IntegrationCollection.Name)]
public class RunningTownHallsTests(AppFixture app)
{
    [Fact]
    public async Task A_town_hall_runs_from_schedule_to_minutes_with_exact_poll_results()
    {
        var official = await app.OfficialAsync();
        var id = await app.ScheduleTownHallAsync(official);
        var scheduled = await app.GetTownHallAsync(id);
        Assert.Equal("scheduled", scheduled.GetProperty("status").GetString());
        Assert.Equal("Tang Hall", scheduled.GetProperty("district").GetString());
        Assert.Equal("Tang Hall community centre", scheduled.GetProperty("location").GetString());

        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/york/town-halls/{id}/open"); x.As(official); x.StatusCodeShouldBeOk(); });
        var first = await app.OpenPollAsync(id, official, "Which first?");

        // Opening a second poll while one is open is a conflict.
        var before = await app.EventCountAsync();
        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { question = "And then?", options = new[] { "x", "y" } }).ToUrl($"/api/cities/york/town-halls/{id}/polls");
            x.As(official);
            x.StatusCodeShouldBe(409);
        });
        Assert.Equal("poll-already-open", Json.Parse(await refused.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());

        var residents = await app.AccountsAsync(3, "york");
        await app.VoteAsync(id, first, residents[0], 0);
        await app.VoteAsync(id, first, residents[1], 2);
        await app.VoteAsync(id, first, residents[2], 2);

        var live = await app.GetTownHallAsync(id);
        var current = live.GetProperty("currentPoll");
        Assert.Equal(first, current.GetProperty("id").GetGuid());
        Assert.True(current.GetProperty("open").GetBoolean());
        Assert.Equal([1L, 0L, 2L], current.Votes());
        Assert.Equal(3, current.GetProperty("total").GetInt64());
        Assert.Equal(TownHallApi.Options, current.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("option").GetString()));

        await app.ClosePollAsync(id, first, official);
        var second = await app.OpenPollAsync(id, official, "Meet again in spring?", ["yes", "no"]);
        await app.VoteAsync(id, second, residents[0], 1);

        var commitments = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
        var closed = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { minutes = "The council heard 40 residents.", commitmentIds = commitments }).ToUrl($"/api/cities/york/town-halls/{id}/close");
            x.As(official);
            x.StatusCodeShouldBeOk();
        });
        var final = Json.Parse(await closed.ReadAsTextAsync());
        Assert.Equal("closed", final.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, final.GetProperty("currentPoll").ValueKind);
        var past = final.GetProperty("pastPolls").EnumerateArray().ToList();
        Assert.Equal([first, second], past.Select(p => p.GetProperty("id").GetGuid()));
        Assert.Equal([1L, 0L, 2L], past[0].Votes());
        Assert.Equal([0L, 1L], past[1].Votes());
        Assert.All(past, p => Assert.False(p.GetProperty("open").GetBoolean()));
        Assert.Equal("The council heard 40 residents.", final.GetProperty("minutes").GetString());
        Assert.Equal(commitments, final.GetProperty("commitmentIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Equal(final.GetRawText(), (await app.GetTownHallAsync(id)).GetRawText());

        // Votes after the close are refused.
        await app.VoteAsync(id, second, residents[1], 0, status: 409);
    }

    [Fact]
    public async Task The_version_grows_with_each_vote()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var before = (await app.GetTownHallAsync(id)).GetProperty("version").GetInt64();
        await app.VoteAsync(id, poll, await app.ResidentAsync(), 1);
        Assert.True((await app.GetTownHallAsync(id)).GetProperty("version").GetInt64() > before);
    }

    [Fact]
    public async Task The_list_is_paged_and_shows_the_city_s_town_halls_only()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        await app.OpenPollAsync(id, official);
        await app.ScheduleTownHallAsync(await app.OfficialAsync("utrecht"), "utrecht");

        var result = await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/town-halls?pageSize=100"); x.StatusCodeShouldBeOk(); });
        var page = Json.Parse(await result.ReadAsTextAsync());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var mine = Assert.Single(items, t => t.GetProperty("id").GetGuid() == id);
        Assert.True(mine.GetProperty("pollOpen").GetBoolean());
        Assert.Equal(1, mine.GetProperty("polls").GetInt32());
        Assert.All(items, t => Assert.Equal("york", t.GetProperty("city").GetString()));
        Assert.Equal(100, page.GetProperty("pageSize").GetInt32());

        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/town-halls?pageSize=101"); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/town-halls?page=0"); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/utrecht/town-halls/{id}"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task A_resident_sees_their_own_vote()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var resident = await app.ResidentAsync();
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/town-halls/{id}/polls/{poll}/votes/mine"); x.As(resident); x.StatusCodeShouldBe(404); });
        await app.VoteAsync(id, poll, resident, 2);
        var mine = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/town-halls/{id}/polls/{poll}/votes/mine"); x.As(resident); x.StatusCodeShouldBeOk(); });
        Assert.Equal(2, Json.Parse(await mine.ReadAsTextAsync()).GetProperty("option").GetInt32());
    }
}
