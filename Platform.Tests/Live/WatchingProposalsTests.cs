using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client, over a WebSocket to the test server, watching a proposal reach its threshold.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingProposalsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_watcher_gets_the_snapshot_then_the_supports_and_the_threshold()
    {
        var city = await app.CityWithThresholdAsync(threshold: 2);
        var id = await app.SubmitAsync(city);
        await using var connection = app.ConnectLive();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("ViewChanged", view => pushes.Writer.TryWrite(view));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "proposal", city, id);
        Assert.Equal("open", snapshot.GetProperty("data").GetProperty("status").GetString());
        var snapshotVersion = snapshot.GetProperty("version").GetInt64();

        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);
        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);

        using var timeout = new CancellationTokenSource(Patience);
        JsonElement pushed;
        do pushed = await pushes.Reader.ReadAsync(timeout.Token);
        while (pushed.GetProperty("data").GetProperty("status").GetString() != "thresholdReached");

        Assert.Equal(id, pushed.GetProperty("id").GetGuid());
        Assert.Equal(2, pushed.GetProperty("data").GetProperty("supports").GetInt64());
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshotVersion);
    }

    [Fact]
    public async Task Watching_an_unknown_proposal_fails_with_a_hub_error()
    {
        await using var connection = app.ConnectLive();
        await connection.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Watch", "proposal", "york", Guid.NewGuid()));
    }
}
