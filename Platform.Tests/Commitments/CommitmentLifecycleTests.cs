
namespace Platform.Tests.Commitments;

/// <summary>Milestones, progress, deadline changes, fulfilment and abandonment, each kept in the timeline.</summary>
[Collection(IntegrationCollection.Name)]
public class CommitmentLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task Every_step_lands_in_the_timeline_and_a_fulfilled_commitment_takes_no_more_progress()
    {
        var official = await app.OfficialAsync();
        var id = await app.PublishCommitmentAsync(official, CommitmentApi.Body(dueDate: CommitmentApi.InDays(100)));

        await app.ActAsync(id, "milestones", new { title = "Contract signed", dueDate = CommitmentApi.InDays(30) }, official);
        await app.ActAsync(id, "progress", new { percent = 35, note = "Kerbs at 5 stops", evidenceUrl = "https://york.gov.uk/kerbs" }, official);
        var moved = await app.ActAsync(id, "deadline", new { dueDate = CommitmentApi.InDays(120), reason = "Supplier delay" }, official);
        Assert.Equal(CommitmentApi.InDays(120), moved.GetProperty("dueDate").GetString());
        Assert.Equal(CommitmentApi.InDays(100), moved.GetProperty("originalDueDate").GetString());
        Assert.Equal("Supplier delay", moved.GetProperty("deadlineChanges")[0].GetProperty("reason").GetString());

        var fulfilled = await app.ActAsync(id, "fulfilment", new { evidenceUrl = "https://york.gov.uk/done", note = "All 14 stops" }, official);
        Assert.Equal("fulfilled", fulfilled.GetProperty("status").GetString());
        Assert.Equal(100, fulfilled.GetProperty("progress").GetInt32());
        Assert.Equal(["published", "milestonePlanned", "progressReported", "deadlineChanged", "fulfilled"], fulfilled.TimelineKinds());
        var sequences = fulfilled.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToArray();
        Assert.Equal(sequences.Max(), fulfilled.GetProperty("version").GetInt64());
        Assert.Equal("35", fulfilled.GetProperty("timeline")[2].GetProperty("details").GetProperty("percent").GetString());

        var before = await app.EventCountAsync();
        var refused = await app.ActAsync(id, "progress", new { percent = 50 }, official, status: 409);
        Assert.Equal("commitment-fulfilled", refused.GetProperty("code").GetString());
        await app.ActAsync(id, "abandonment", new { reason = "too late" }, official, status: 409);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task An_abandoned_commitment_keeps_its_reason()
    {
        var official = await app.OfficialAsync();
        var id = await app.PublishCommitmentAsync(official);
        var abandoned = await app.ActAsync(id, "abandonment", new { reason = "The site was sold" }, official);
        Assert.Equal("abandoned", abandoned.GetProperty("status").GetString());
        Assert.Equal("The site was sold", abandoned.GetProperty("abandonReason").GetString());
        await app.ActAsync(id, "deadline", new { dueDate = CommitmentApi.InDays(400), reason = "retry" }, official, status: 409);
    }

    [Fact]
    public async Task Progress_well_behind_the_elapsed_time_puts_a_commitment_at_risk()
    {
        var official = await app.OfficialAsync();
        var idle = await app.PublishCommitmentAsync(official, CommitmentApi.Body(dueDate: CommitmentApi.InDays(10)));
        var busy = await app.PublishCommitmentAsync(official, CommitmentApi.Body(dueDate: CommitmentApi.InDays(10)));
        await app.ActAsync(busy, "progress", new { percent = 50, note = "Half the stops" }, official);
        Assert.Equal("onTrack", (await app.GetCommitmentAsync(idle)).GetProperty("status").GetString());
        try
        {
            app.Clock.Offset = TimeSpan.FromDays(6); // about 60 % of the time gone
            var late = await app.GetCommitmentAsync(idle);
            Assert.Equal("atRisk", late.GetProperty("status").GetString());
            Assert.InRange(late.GetProperty("elapsedPercent").GetInt32(), 50, 65);
            Assert.Equal("onTrack", (await app.GetCommitmentAsync(busy)).GetProperty("status").GetString());
            var atRisk = await app.ListCommitmentsAsync("status=atRisk&pageSize=100");
            Assert.Contains(idle, atRisk.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
    }
}
