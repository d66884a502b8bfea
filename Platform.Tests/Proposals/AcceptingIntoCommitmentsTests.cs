
namespace Platform.Tests.Proposals;

/// <summary>
/// Accepting a proposal creates or links a commitment in the same transaction as <c>ProposalAccepted</c>;
/// the proposal shows its commitment and the commitment shows the proposal among its origins.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class AcceptingIntoCommitmentsTests(AppFixture app)
{
    [Fact]
    public async Task Accepting_with_an_inline_commitment_publishes_it_with_the_proposal_as_origin()
    {
        var official = await app.OfficialAsync();
        var concern = await app.RaiseAsync();
        var proposal = await app.SubmitAsync();

        var accepted = await app.ActOnProposalAsync(proposal, "acceptance", official, new
        {
            decision = "Agreed: kerbs by 2028.",
            commitment = CommitmentApi.Body(origins: [new { kind = "concern", id = concern }]),
        }, 200);

        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        var commitmentId = accepted.GetProperty("commitmentId").GetGuid();
        var commitment = await app.GetCommitmentAsync(commitmentId);
        var origins = Origins(commitment);
        Assert.Contains(("proposal", proposal), origins);
        Assert.Contains(("concern", concern), origins);
        Assert.Equal($"/api/cities/york/proposals/{proposal}",
            commitment.GetProperty("origins").EnumerateArray().Single(o => o.GetProperty("kind").GetString() == "proposal").GetProperty("href").GetString());
        // The concern it answers shows it too, as with any published commitment.
        Assert.Contains(commitmentId, (await app.GetConcernAsync(concern)).GetProperty("commitments").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Equal(commitmentId, (await app.GetProposalAsync(proposal)).GetProperty("commitmentId").GetGuid());
    }

    [Fact]
    public async Task Accepting_into_an_existing_commitment_records_the_proposal_as_its_origin_once()
    {
        var official = await app.OfficialAsync();
        var commitmentId = await app.PublishCommitmentAsync(official);
        var first = await app.SubmitAsync();
        var second = await app.SubmitAsync();

        await app.ActOnProposalAsync(first, "acceptance", official, new { decision = "Already promised.", commitmentId }, 200);
        await app.ActOnProposalAsync(second, "acceptance", official, new { decision = "Same promise.", commitmentId }, 200);

        var commitment = await app.GetCommitmentAsync(commitmentId);
        Assert.Equal([("proposal", first), ("proposal", second)], Origins(commitment));
        Assert.Equal(2, commitment.TimelineKinds().Count(k => k == "originLinked"));
        var listed = await app.ListCommitmentsAsync($"origin=proposal:{second}");
        Assert.Equal([commitmentId], listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task An_unknown_commitment_is_a_404_naming_commitmentId_and_stores_nothing()
    {
        var official = await app.OfficialAsync();
        var proposal = await app.SubmitAsync();
        var elsewhere = await app.PublishCommitmentAsync(await app.OfficialAsync("utrecht"), city: "utrecht");
        var before = await app.EventCountAsync();

        foreach (var commitmentId in new[] { Guid.CreateVersion7(), elsewhere })
        {
            var problem = await app.ActOnProposalAsync(proposal, "acceptance", official, new { decision = "Yes.", commitmentId }, 404);
            Assert.Equal("commitment-not-found", problem.GetProperty("code").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty("commitmentId", out _));
        }
        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal("open", (await app.GetProposalAsync(proposal)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_bad_inline_commitment_names_its_field_and_both_forms_at_once_are_refused()
    {
        var official = await app.OfficialAsync();
        var proposal = await app.SubmitAsync();
        var existing = await app.PublishCommitmentAsync(official);
        var before = await app.EventCountAsync();

        var bad = await app.ActOnProposalAsync(proposal, "acceptance", official,
            new { decision = "Yes.", commitment = CommitmentApi.Body(dueDate: "2001-01-01") }, 400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("commitment.dueDate", out _));
        var unknownOrigin = await app.ActOnProposalAsync(proposal, "acceptance", official,
            new { decision = "Yes.", commitment = CommitmentApi.Body(origins: [new { kind = "concern", id = Guid.CreateVersion7() }]) }, 404);
        Assert.True(unknownOrigin.GetProperty("errors").TryGetProperty("commitment.origins[0]", out _));
        var both = await app.ActOnProposalAsync(proposal, "acceptance", official,
            new { decision = "Yes.", commitmentId = existing, commitment = CommitmentApi.Body() }, 400);
        Assert.True(both.GetProperty("errors").TryGetProperty("commitment", out _));

        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task Publishing_a_commitment_checks_that_proposal_and_town_hall_origins_exist()
    {
        var official = await app.OfficialAsync();
        var proposal = await app.SubmitAsync();
        var townHall = await app.ScheduleTownHallAsync(official);
        var before = await app.EventCountAsync();

        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(CommitmentApi.Body(origins: [
                new { kind = "proposal", id = proposal }, new { kind = "townHall", id = townHall },
                new { kind = "proposal", id = Guid.CreateVersion7() }, new { kind = "townHall", id = Guid.CreateVersion7() }])).ToUrl("/api/cities/york/commitments");
            x.As(official);
            x.StatusCodeShouldBe(404);
        });
        var errors = Json.Parse(await result.ReadAsTextAsync()).GetProperty("errors");
        Assert.Equal(["origins[2]", "origins[3]"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(before, await app.EventCountAsync());

        var published = await app.PublishAsync(official, CommitmentApi.Body(origins: [new { kind = "proposal", id = proposal }, new { kind = "townHall", id = townHall }]));
        Assert.Equal(2, published.GetProperty("origins").GetArrayLength());
    }

    private static List<(string, Guid)> Origins(JsonElement commitment) =>
        commitment.GetProperty("origins").EnumerateArray().Select(o => (o.GetProperty("kind").GetString()!, o.GetProperty("id").GetGuid())).ToList();
}
