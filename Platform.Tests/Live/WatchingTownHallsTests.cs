using static Platform.Tests.Support.LiveClient;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client watching a town hall while residents vote over HTTP.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingTownHallsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_watcher_sees_poll_changes_and_the_exact_final_tally_of_a_burst_of_votes()
    {
        const int residents = 120;
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        await using var live = await ConnectAsync(app);
        var snapshot = await live.WatchAsync("town-hall", "york", id);
        Assert.Equal("open", snapshot.GetProperty("data").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("data").GetProperty("currentPoll").ValueKind);

        var poll = await app.OpenPollAsync(id, official);
        var pushed = await live.FirstAsync(v => v.GetProperty("data").GetProperty("currentPoll").ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal(poll, pushed.GetProperty("data").GetProperty("currentPoll").GetProperty("id").GetGuid());
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());

        var crowd = await app.AccountsAsync(residents, "york");
        await Task.WhenAll(crowd.Select((r, i) => app.VoteAsync(id, poll, r, i % 3 == 0 ? 0 : 2)));

        // Pushes are coalesced under the burst; a push reaching the version of the last vote reflects every vote.
        var after = (await app.GetTownHallAsync(id)).GetProperty("version").GetInt64();
        var final = await live.FirstAsync(v => v.GetProperty("version").GetInt64() >= after, Patience);
        Assert.Equal(residents, final.GetProperty("data").GetProperty("currentPoll").GetProperty("total").GetInt64());
        Assert.Equal([40L, 0L, 80L], final.GetProperty("data").GetProperty("currentPoll").Votes());

        await app.ClosePollAsync(id, poll, official);
        var closed = await live.FirstAsync(v => v.GetProperty("data").GetProperty("pastPolls").GetArrayLength() == 1, Patience);
        Assert.Equal([40L, 0L, 80L], closed.GetProperty("data").GetProperty("pastPolls")[0].Votes());
    }

    [Fact]
    public async Task A_watcher_of_another_city_s_town_hall_gets_nothing_from_this_one()
    {
        var york = await app.OfficialAsync();
        var utrecht = await app.OfficialAsync("utrecht");
        var yorkHall = await app.OpenTownHallAsync(york);
        var utrechtHall = await app.OpenTownHallAsync(utrecht, "utrecht");
        await using var live = await ConnectAsync(app);
        await live.WatchAsync("town-hall", "utrecht", utrechtHall);

        await app.OpenPollAsync(yorkHall, york);
        var utrechtPoll = await app.OpenPollAsync(utrechtHall, utrecht, city: "utrecht");

        var pushed = await live.FirstAsync(v => v.GetProperty("data").GetProperty("currentPoll").ValueKind == JsonValueKind.Object, Patience);
        Assert.Equal(utrechtHall, pushed.GetProperty("id").GetGuid());
        Assert.Equal(utrechtPoll, pushed.GetProperty("data").GetProperty("currentPoll").GetProperty("id").GetGuid());
        while (live.TryTake(out var other)) Assert.Equal(utrechtHall, other.GetProperty("id").GetGuid());
    }
}
