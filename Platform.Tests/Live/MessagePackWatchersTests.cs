using Microsoft.AspNetCore.SignalR.Protocol;
using Platform.Api.Live;
using Xunit.Abstractions;
using static Platform.Tests.Support.LiveClient;

namespace Platform.Tests.Live;

/// <summary>
/// The hub speaks MessagePack as well as JSON: a real SignalR client that asks for MessagePack in its handshake watches
/// the same views and reads them with the same names and values as a JSON client, and never gets what JSON leaves out.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class MessagePackWatchersTests(AppFixture app, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_MessagePack_watcher_and_a_JSON_watcher_of_one_town_hall_get_the_same_views_down_to_the_final_tally()
    {
        const int residents = 30;
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        await using var json = await ConnectAsync(app, messagePack: false);
        await using var messagePack = await ConnectAsync(app, messagePack: true);
        var jsonSnapshot = await json.WatchAsync("town-hall", "york", id);
        var snapshot = await messagePack.WatchAsync("town-hall", "york", id);
        Assert.True(JsonElement.DeepEquals(jsonSnapshot, snapshot), $"JSON {jsonSnapshot} against MessagePack {snapshot}");
        Assert.Equal(poll, Data(snapshot).GetProperty("currentPoll").GetProperty("id").GetGuid());

        var crowd = await app.AccountsAsync(residents, "york");
        await Task.WhenAll(crowd.Select((r, i) => app.VoteAsync(id, poll, r, i % 3 == 0 ? 0 : 1)));

        // Both are in one group: the first push that reaches the last vote is one send, read by each in its protocol.
        var after = (await app.GetTownHallAsync(id)).GetProperty("version").GetInt64();
        var jsonFinal = await json.FirstAsync(v => v.GetProperty("version").GetInt64() >= after, Patience);
        var final = await messagePack.FirstAsync(v => v.GetProperty("version").GetInt64() >= after, Patience);
        Assert.True(JsonElement.DeepEquals(jsonFinal, final), $"JSON {jsonFinal} against MessagePack {final}");
        Assert.Equal(residents, Data(final).GetProperty("currentPoll").GetProperty("total").GetInt64());
        Assert.Equal([10L, 20L, 0L], Data(final).GetProperty("currentPoll").Votes());
        Assert.True(final.GetProperty("version").GetInt64() > snapshot.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_MessagePack_watcher_gets_nothing_that_JSON_leaves_out()
    {
        var id = await app.OpenConsultationAsync();
        await using var live = await ConnectAsync(app, messagePack: true);
        var snapshot = await live.WatchAsync("consultation", "york", id);

        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(more: "private words"));

        var pushed = await live.FirstAsync(p => Data(p).GetProperty("results").GetProperty("participation").GetInt64() >= 1, Patience);
        Assert.DoesNotContain("private words", pushed.GetRawText());
        // The view's names are JSON's, no more: the server's own mark of a hidden item (LiveView.Withheld) is never sent.
        string[] contract = ["city", "data", "id", "previousVersion", "version", "view"];
        Assert.Equal(contract, snapshot.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(contract, pushed.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_town_hall_pushed_in_MessagePack_takes_fewer_bytes_than_in_JSON()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        await app.VoteAsync(id, poll, await app.ResidentAsync(), 1);
        var view = await app.Host.Services.GetRequiredService<LiveViews>().LoadAsync(app.Store, "town-hall", "york", id, CancellationToken.None);
        var protocols = app.Host.Services.GetServices<IHubProtocol>().ToDictionary(p => p.Name);
        var push = new InvocationMessage(LiveHub.ViewChanged, [view! with { PreviousVersion = view.Version - 1 }]);

        var json = protocols["json"].GetMessageBytes(push).Length;
        var messagePack = protocols["messagepack"].GetMessageBytes(push).Length;
        output.WriteLine($"town-hall push: {json} bytes in JSON, {messagePack} in MessagePack");
        Assert.InRange(messagePack, 1, json - 1);
    }

    [Fact]
    public async Task Every_kind_of_view_can_be_watched_in_MessagePack_and_reads_as_it_does_in_JSON()
    {
        var official = await app.OfficialAsync();
        var city = await app.CityWithThresholdAsync(threshold: 2);
        var items = new (string View, string City, Guid Id)[]
        {
            ("town-hall", "york", await app.OpenTownHallAsync(official)),
            ("concern", "york", await app.RaiseAsync()),
            ("proposal", city, await app.SubmitAsync(city)),
            ("consultation", "york", await app.OpenConsultationAsync(official)),
            ("commitment", "york", await app.PublishCommitmentAsync(official)),
        };
        await using var json = await ConnectAsync(app, messagePack: false);
        await using var messagePack = await ConnectAsync(app, messagePack: true);
        foreach (var (view, itemCity, id) in items)
        {
            var expected = await json.WatchAsync(view, itemCity, id);
            var snapshot = await messagePack.WatchAsync(view, itemCity, id);
            Assert.True(JsonElement.DeepEquals(expected, snapshot), $"{view}: JSON {expected} against MessagePack {snapshot}");
        }

        // City-wide and network-wide views change under other tests' writes: the same shape, the same view.
        foreach (var (view, scope) in new[] { ("scorecard", "york"), ("concern-board", "utrecht"), ("network-overview", "network") })
        {
            var expected = await json.WatchAsync(view, scope, Guid.Empty);
            var snapshot = await messagePack.WatchAsync(view, scope, Guid.Empty);
            Assert.Equal(view, snapshot.GetProperty("view").GetString());
            Assert.Equal(scope, snapshot.GetProperty("city").GetString());
            Assert.Equal(JsonValueKind.Object, Data(snapshot).ValueKind);
            Assert.Equal(Data(expected).EnumerateObject().Select(p => p.Name), Data(snapshot).EnumerateObject().Select(p => p.Name));
        }
    }
}
