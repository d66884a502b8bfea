using Microsoft.AspNetCore.SignalR;
using static Platform.Tests.Support.LiveClient;

namespace Platform.Tests.Live;

/// <summary>
/// A real SignalR client, over a WebSocket to the test server, watching one item of each kind: the snapshot first,
/// then the view after each change, at a version no older than the snapshot's; what cannot be watched is a hub error.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class WatchingItemsTests(AppFixture app)
{
    [Fact]
    public async Task A_watcher_of_a_concern_gets_the_snapshot_then_the_view_after_each_support()
    {
        var id = await app.RaiseAsync();
        await using var live = await ConnectAsync(app);
        var snapshot = await live.WatchAsync("concern", "york", id);
        Assert.Equal(0, Data(snapshot).GetProperty("supports").GetInt64());

        await app.SupportAsync(id, await app.ResidentAsync());

        var pushed = await live.FirstAsync(p => Data(p).GetProperty("supports").GetInt64() >= 1);
        Assert.Equal(id, pushed.GetProperty("id").GetGuid());
        Assert.Equal("york", pushed.GetProperty("city").GetString());
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_watcher_of_a_proposal_gets_the_snapshot_then_the_supports_and_the_threshold()
    {
        var city = await app.CityWithThresholdAsync(threshold: 2);
        var id = await app.SubmitAsync(city);
        await using var live = await ConnectAsync(app);
        var snapshot = await live.WatchAsync("proposal", city, id);
        Assert.Equal("open", Data(snapshot).GetProperty("status").GetString());

        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);
        await app.SupportProposalAsync(id, await app.ResidentAsync(city), city);

        var pushed = await live.FirstAsync(p => Data(p).GetProperty("status").GetString() == "thresholdReached");
        Assert.Equal(id, pushed.GetProperty("id").GetGuid());
        Assert.Equal(2, Data(pushed).GetProperty("supports").GetInt64());
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_watcher_of_a_consultation_gets_the_results_after_each_response_without_free_text()
    {
        var id = await app.OpenConsultationAsync();
        await using var live = await ConnectAsync(app);
        var snapshot = await live.WatchAsync("consultation", "york", id);
        Assert.Equal(0, Data(snapshot).GetProperty("results").GetProperty("participation").GetInt64());
        Assert.Equal("open", Data(snapshot).GetProperty("consultation").GetProperty("status").GetString());

        await app.RespondAsync(id, await app.ResidentAsync(), ConsultationApi.Answers(more: "private words"));

        var pushed = await live.FirstAsync(p => Data(p).GetProperty("results").GetProperty("participation").GetInt64() >= 1);
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());
        Assert.DoesNotContain("private words", pushed.GetRawText());
    }

    [Fact]
    public async Task A_watcher_of_a_parent_commitment_sees_its_progress_roll_up_when_a_sub_commitment_reports()
    {
        var official = await app.OfficialAsync();
        var parent = await app.PublishCommitmentAsync(official);
        var child = await app.PublishCommitmentAsync(official, CommitmentApi.Body(parentId: parent, weight: 2));
        await using var live = await ConnectAsync(app);
        var snapshot = await live.WatchAsync("commitment", "york", parent);
        Assert.Equal(0, Data(snapshot).GetProperty("progress").GetInt32());

        await app.ActAsync(child, "progress", new { percent = 60, note = "Most stops done" }, official);

        var pushed = await live.FirstAsync(p => p.GetProperty("id").GetGuid() == parent && Data(p).GetProperty("progress").GetInt32() >= 60);
        Assert.True(pushed.GetProperty("version").GetInt64() >= snapshot.GetProperty("version").GetInt64());
        Assert.Equal("commitment", pushed.GetProperty("view").GetString());
    }

    [Fact]
    public async Task Watching_an_unknown_item_or_city_a_draft_or_an_unknown_view_fails_with_a_hub_error()
    {
        var draft = await app.DraftConsultationAsync(await app.OfficialAsync());
        await using var live = await ConnectAsync(app);

        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("concern", "york", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("concern", "atlantis", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("spaceship", "york", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("proposal", "york", Guid.NewGuid()));
        await Assert.ThrowsAsync<HubException>(() => live.WatchAsync("consultation", "york", draft));
    }
}
