using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client watching the city-wide and network-wide views (id Guid.Empty) while concerns are raised over HTTP.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingScorecardsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task<JsonElement> PushAsync(Channel<JsonElement> pushes, string view, Func<JsonElement, bool> until)
    {
        using var timeout = new CancellationTokenSource(Patience);
        JsonElement pushed;
        do pushed = await pushes.Reader.ReadAsync(timeout.Token);
        while (pushed.GetProperty("view").GetString() != view || !until(pushed));
        return pushed;
    }

    [Fact]
    public async Task A_scorecard_watcher_gets_a_push_with_a_higher_version_and_the_new_count_when_a_concern_is_raised()
    {
        await using var connection = app.ConnectLive();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("ViewChanged", view => pushes.Writer.TryWrite(view));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "scorecard", "york", Guid.Empty);
        var version = snapshot.GetProperty("version").GetInt64();
        var raised = snapshot.GetProperty("data").GetProperty("concerns").GetProperty("raised").GetInt32();

        await app.RaiseAsync();

        var pushed = await PushAsync(pushes, "scorecard", p => p.GetProperty("data").GetProperty("concerns").GetProperty("raised").GetInt32() > raised);
        Assert.Equal("york", pushed.GetProperty("city").GetString());
        Assert.Equal(Guid.Empty, pushed.GetProperty("id").GetGuid());
        Assert.True(pushed.GetProperty("version").GetInt64() >= version);
        Assert.Equal(raised + 1, pushed.GetProperty("data").GetProperty("concerns").GetProperty("raised").GetInt32());
    }

    [Fact]
    public async Task Board_and_network_watchers_get_the_raised_concern_too()
    {
        await using var connection = app.ConnectLive();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("ViewChanged", view => pushes.Writer.TryWrite(view));
        await connection.StartAsync();

        var board = await connection.InvokeAsync<JsonElement>("Watch", "concern-board", "utrecht", Guid.Empty);
        var network = await connection.InvokeAsync<JsonElement>("Watch", "network-overview", "network", Guid.Empty);
        var open = board.GetProperty("data").GetProperty("openConcerns").GetInt32();

        await app.RaiseAsync("utrecht");

        // Both pushes arrive, in either order.
        JsonElement? pushedBoard = null, pushedNetwork = null;
        using var timeout = new CancellationTokenSource(Patience);
        while (pushedBoard is null || pushedNetwork is null)
        {
            var pushed = await pushes.Reader.ReadAsync(timeout.Token);
            if (pushed.GetProperty("view").GetString() == "concern-board" && pushed.GetProperty("data").GetProperty("openConcerns").GetInt32() > open)
                pushedBoard = pushed;
            if (pushed.GetProperty("view").GetString() == "network-overview" && pushed.GetProperty("version").GetInt64() > network.GetProperty("version").GetInt64())
                pushedNetwork = pushed;
        }
        Assert.Equal("utrecht", pushedBoard.Value.GetProperty("city").GetString());
        Assert.True(pushedBoard.Value.GetProperty("version").GetInt64() > board.GetProperty("version").GetInt64());
        Assert.Equal("network", pushedNetwork.Value.GetProperty("city").GetString());
    }

    [Fact]
    public async Task City_wide_views_are_watched_with_the_empty_id_and_the_network_view_only_as_network()
    {
        await using var connection = app.ConnectLive();
        await connection.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "scorecard", "york", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "scorecard", "atlantis", Guid.Empty));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "network-overview", "york", Guid.Empty));
    }
}
