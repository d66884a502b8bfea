using Microsoft.AspNetCore.SignalR;
using static Platform.Tests.Support.LiveClient;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client watching the city-wide and network-wide views (id Guid.Empty) while concerns are raised over HTTP.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingScorecardsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static bool Is(JsonElement push, string view) => push.GetProperty("view").GetString() == view;

    [Fact]
    public async Task A_scorecard_watcher_gets_a_push_with_a_higher_version_and_the_new_count_when_a_concern_is_raised()
    {
        await using var live = await ConnectAsync(app);
        var snapshot = await live.WatchAsync("scorecard", "york", Guid.Empty);
        static int Raised(JsonElement view) => Data(view).GetProperty("concerns").GetProperty("raised").GetInt32();
        var raised = Raised(snapshot);

        await app.RaiseAsync();

        var pushed = await live.FirstAsync(p => Is(p, "scorecard") && Raised(p) > raised, Patience);
        Assert.Equal("york", pushed.GetProperty("city").GetString());
        Assert.Equal(Guid.Empty, pushed.GetProperty("id").GetGuid());
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());
        Assert.Equal(raised + 1, Raised(pushed));
    }

    [Fact]
    public async Task Board_and_network_watchers_get_the_raised_concern_too()
    {
        await using var live = await ConnectAsync(app);
        var board = await live.WatchAsync("concern-board", "utrecht", Guid.Empty);
        var network = await live.WatchAsync("network-overview", "network", Guid.Empty);
        var open = Data(board).GetProperty("openConcerns").GetInt32();

        await app.RaiseAsync("utrecht");

        // Both pushes arrive, in either order.
        JsonElement? pushedBoard = null, pushedNetwork = null;
        await live.UntilAsync(pushed =>
        {
            if (Is(pushed, "concern-board") && Data(pushed).GetProperty("openConcerns").GetInt32() > open) pushedBoard = pushed;
            if (Is(pushed, "network-overview") && pushed.GetProperty("version").GetInt64() > network.GetProperty("version").GetInt64()) pushedNetwork = pushed;
            return pushedBoard is not null && pushedNetwork is not null;
        }, Patience);
        Assert.Equal("utrecht", pushedBoard!.Value.GetProperty("city").GetString());
        Assert.True(pushedBoard.Value.GetProperty("version").GetInt64() > board.GetProperty("version").GetInt64());
        Assert.Equal("network", pushedNetwork!.Value.GetProperty("city").GetString());
    }

    [Fact]
    public async Task City_wide_views_are_watched_with_the_empty_id_and_the_network_view_only_as_network()
    {
        await using var live = await ConnectAsync(app);

        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("scorecard", "york", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("scorecard", "atlantis", Guid.Empty));
        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("network-overview", "york", Guid.Empty));
    }
}
