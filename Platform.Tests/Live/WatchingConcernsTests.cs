using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client, over a WebSocket to the test server, watching a concern.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingConcernsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_watcher_gets_the_snapshot_then_the_view_after_each_support()
    {
        var id = await app.RaiseAsync();
        await using var connection = app.ConnectLive();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("ViewChanged", view => pushes.Writer.TryWrite(view));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "concern", "york", id);
        Assert.Equal(0, snapshot.GetProperty("data").GetProperty("supports").GetInt64());
        var snapshotVersion = snapshot.GetProperty("version").GetInt64();

        await app.SupportAsync(id, await app.ResidentAsync());

        using var timeout = new CancellationTokenSource(Patience);
        JsonElement pushed;
        do pushed = await pushes.Reader.ReadAsync(timeout.Token);
        while (pushed.GetProperty("data").GetProperty("supports").GetInt64() < 1);

        Assert.Equal(id, pushed.GetProperty("id").GetGuid());
        Assert.Equal("york", pushed.GetProperty("city").GetString());
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshotVersion);
    }

    [Fact]
    public async Task Watching_an_unknown_concern_or_city_fails_with_a_hub_error()
    {
        await using var connection = app.ConnectLive();
        await connection.StartAsync();

        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "concern", "york", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "concern", "atlantis", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "spaceship", "york", Guid.NewGuid()));
    }
}
