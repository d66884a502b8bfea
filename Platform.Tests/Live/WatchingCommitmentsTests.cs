using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Live;

/// <summary>A real SignalR client watching a commitment: its own events and its sub-commitments' progress are pushed.</summary>
[Collection(IntegrationCollection.Name)]
public class WatchingCommitmentsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_watcher_of_a_parent_sees_its_progress_roll_up_when_a_sub_commitment_reports()
    {
        var official = await app.OfficialAsync();
        var parent = await app.PublishCommitmentAsync(official);
        var child = await app.PublishCommitmentAsync(official, CommitmentApi.Body(parentId: parent, weight: 2));

        await using var connection = app.ConnectLive();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("ViewChanged", view => pushes.Writer.TryWrite(view));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Watch", "commitment", "york", parent);
        Assert.Equal(0, snapshot.GetProperty("data").GetProperty("progress").GetInt32());
        var snapshotVersion = snapshot.GetProperty("version").GetInt64();

        await app.ActAsync(child, "progress", new { percent = 60, note = "Most stops done" }, official);

        using var timeout = new CancellationTokenSource(Patience);
        JsonElement pushed;
        do pushed = await pushes.Reader.ReadAsync(timeout.Token);
        while (pushed.GetProperty("id").GetGuid() != parent || pushed.GetProperty("data").GetProperty("progress").GetInt32() < 60);

        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshotVersion);
        Assert.Equal("commitment", pushed.GetProperty("view").GetString());
    }
}
