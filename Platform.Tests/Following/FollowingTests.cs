
namespace Platform.Tests.Following;

/// <summary>
/// Residents follow concerns and commitments; supporters of a concern follow the commitments linked to it
/// without doing anything, and can stop; <c>GET /api/accounts/me/following</c> lists it all with status
/// and latest change.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class FollowingTests(AppFixture app)
{
    [Fact]
    public async Task Following_and_unfollowing_a_concern_and_a_commitment_is_idempotent_and_listed()
    {
        var resident = await app.ResidentAsync();
        var concern = await app.RaiseAsync();
        var commitment = await app.PublishCommitmentAsync(await app.OfficialAsync());
        Assert.Empty(await FollowingAsync(resident));

        for (var i = 0; i < 2; i++)
        {
            Assert.True((await SetAsync("concerns", concern, resident, follow: true)).GetProperty("following").GetBoolean());
            Assert.True((await SetAsync("commitments", commitment, resident, follow: true)).GetProperty("following").GetBoolean());
        }
        var items = await FollowingAsync(resident);
        Assert.Equal(2, items.Count);
        var c = items.Single(i => i.GetProperty("kind").GetString() == "commitment");
        Assert.Equal(commitment, c.GetProperty("id").GetGuid());
        Assert.Equal("onTrack", c.GetProperty("status").GetString());
        Assert.Equal("published", c.GetProperty("latestChange").GetProperty("kind").GetString());
        Assert.False(c.GetProperty("automatic").GetBoolean());
        var k = items.Single(i => i.GetProperty("kind").GetString() == "concern");
        Assert.Equal("york", k.GetProperty("city").GetString());
        Assert.Equal($"/api/cities/york/concerns/{concern}", k.GetProperty("href").GetString());

        // The latest change follows the item.
        await app.ActAsync(commitment, "progress", new { percent = 40, note = "Kerbs ordered" }, await app.OfficialAsync());
        c = (await FollowingAsync(resident)).Single(i => i.GetProperty("kind").GetString() == "commitment");
        Assert.Equal("progressReported", c.GetProperty("latestChange").GetProperty("kind").GetString());

        for (var i = 0; i < 2; i++)
        {
            Assert.False((await SetAsync("concerns", concern, resident, follow: false)).GetProperty("following").GetBoolean());
            await SetAsync("commitments", commitment, resident, follow: false);
        }
        Assert.Empty(await FollowingAsync(resident));
    }

    [Fact]
    public async Task Supporters_of_a_concern_follow_the_commitment_linked_to_it_and_may_stop()
    {
        var official = await app.OfficialAsync();
        var concern = await app.RaiseAsync();
        var supporter = await app.ResidentAsync();
        var withdrawn = await app.ResidentAsync();
        var late = await app.ResidentAsync();
        var bystander = await app.ResidentAsync();
        await app.SupportAsync(concern, supporter);
        await app.SupportAsync(concern, withdrawn);
        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/york/concerns/{concern}/supports"); x.As(withdrawn); x.StatusCodeShouldBeOk(); });

        var commitment = await app.PublishCommitmentAsync(official, CommitmentApi.Body(origins: [new { kind = "concern", id = concern }]));
        await app.SupportAsync(concern, late); // supporting after the link follows it too

        foreach (var resident in new[] { supporter, late })
        {
            var item = Assert.Single(await FollowingAsync(resident));
            Assert.Equal(commitment, item.GetProperty("id").GetGuid());
            Assert.True(item.GetProperty("automatic").GetBoolean());
        }
        Assert.Empty(await FollowingAsync(withdrawn));
        Assert.Empty(await FollowingAsync(bystander));

        // Stopping wins over the automatic follow; following again brings it back.
        await SetAsync("commitments", commitment, supporter, follow: false);
        Assert.Empty(await FollowingAsync(supporter));
        await SetAsync("commitments", commitment, supporter, follow: true);
        Assert.False(Assert.Single(await FollowingAsync(supporter)).GetProperty("automatic").GetBoolean());

        // A proposal accepted into a new commitment that answers the concern: its supporters follow that one too.
        var proposal = await app.SubmitAsync();
        var accepted = await app.ActOnProposalAsync(proposal, "acceptance", official,
            new { decision = "Yes.", commitment = CommitmentApi.Body(origins: [new { kind = "concern", id = concern }]) }, 200);
        var second = accepted.GetProperty("commitmentId").GetGuid();
        Assert.Equal(new[] { commitment, second }.Order(), (await FollowingAsync(late)).Select(i => i.GetProperty("id").GetGuid()).Order());
    }

    [Fact]
    public async Task Unknown_items_are_404_and_store_nothing_and_the_list_needs_a_signed_in_caller()
    {
        var resident = await app.ResidentAsync();
        foreach (var collection in new[] { "concerns", "commitments" })
            await app.Host.Scenario(x =>
            {
                x.Put.Url($"/api/cities/york/{collection}/{Guid.CreateVersion7()}/follow");
                x.As(resident);
                x.StatusCodeShouldBe(404);
            });
        Assert.Empty(await FollowingAsync(resident));
        await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me/following"); x.StatusCodeShouldBe(401); });
    }

    private async Task<JsonElement> SetAsync(string collection, Guid id, Actor resident, bool follow)
    {
        var result = await app.Host.Scenario(x =>
        {
            if (follow) x.Put.Url($"/api/cities/york/{collection}/{id}/follow");
            else x.Delete.Url($"/api/cities/york/{collection}/{id}/follow");
            x.As(resident);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    private async Task<List<JsonElement>> FollowingAsync(Actor resident)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/me/following");
            x.As(resident);
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("items").EnumerateArray().ToList();
    }
}
