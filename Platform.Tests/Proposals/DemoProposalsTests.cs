using Platform.Api.Cities;
using Platform.Api.Demo;

namespace Platform.Tests.Proposals;

/// <summary>The demo proposals pass the real rules: one awaiting a decision past its threshold, one accepted into a commitment, one rejected.</summary>
[Collection(IntegrationCollection.Name)]
public class DemoProposalsTests(AppFixture app)
{
    [Fact]
    public async Task The_demo_has_a_proposal_awaiting_decision_one_accepted_with_its_commitment_and_one_rejected()
    {
        // A city of its own, with a small threshold, so the proposals listed are the demo's only.
        var city = new City { Id = $"demo{Guid.NewGuid():N}"[..20], TimeZone = "Europe/Madrid", Names = new() { ["en"] = "Demo" } };
        city.Settings.ProposalSupportThreshold = 12;
        await using (var session = app.Store.LightweightSession())
        {
            session.Store(city);
            await session.SaveChangesAsync();
        }
        Assert.Equal(3, await DemoProposals.SeedAsync(app.Store, app.Host.Services.GetRequiredService<Platform.Api.Accounts.Pseudonyms>(), city, DateTimeOffset.UtcNow, CancellationToken.None));

        var result = await app.GetTextAsync($"/api/cities/{city.Id}/proposals?pageSize=100");
        var items = Json.Parse(result).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["accepted", "rejected", "thresholdReached"], items.Select(i => i.GetProperty("status").GetString()).Order());

        var awaiting = items.Single(i => i.GetProperty("status").GetString() == "thresholdReached");
        Assert.Equal(12, awaiting.GetProperty("supports").GetInt64());
        Assert.True(awaiting.GetProperty("decisionDue").GetDateTimeOffset() > DateTimeOffset.UtcNow);

        var accepted = items.Single(i => i.GetProperty("status").GetString() == "accepted");
        var commitment = await app.GetCommitmentAsync(accepted.GetProperty("commitmentId").GetGuid(), city.Id);
        var origin = commitment.GetProperty("origins")[0];
        Assert.Equal(("proposal", accepted.GetProperty("id").GetGuid()), (origin.GetProperty("kind").GetString(), origin.GetProperty("id").GetGuid()));

        var rejected = items.Single(i => i.GetProperty("status").GetString() == "rejected");
        Assert.False(string.IsNullOrEmpty(rejected.GetProperty("rejectionReason").GetString()));
    }
}
