using Platform.Domain.Concerns;

namespace Platform.Tests.TownHalls;

/// <summary>One resident, one vote per poll; a burst of votes counted exactly.</summary>
[Collection(IntegrationCollection.Name)]
public class VotingTests(AppFixture app)
{
    [Fact]
    public async Task Three_hundred_residents_voting_at_once_are_all_counted_exactly()
    {
        const int residents = 300;
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var crowd = await app.AccountsAsync(residents, "york");

        var statuses = await Task.WhenAll(crowd.Select((r, i) => app.TryVoteAsync(id, poll, r, i % 3)));

        Assert.All(statuses, s => Assert.Equal(201, s));
        var current = (await app.GetTownHallAsync(id)).GetProperty("currentPoll");
        Assert.Equal([100L, 100L, 100L], current.Votes());
        Assert.Equal(residents, current.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task One_resident_voting_ten_times_at_once_is_counted_once()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var resident = await app.ResidentAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => app.TryVoteAsync(id, poll, resident, i % 3)));

        Assert.Single(statuses, s => s == 201);
        Assert.All(statuses, s => Assert.Contains(s, new[] { 201, 409 }));
        Assert.Equal(1, (await app.GetTownHallAsync(id)).GetProperty("currentPoll").GetProperty("total").GetInt64());
        await using var session = app.Store.QuerySession("york");
        Assert.Single(await session.Events.FetchStreamAsync(PersonalStream.Id(poll, app.Participant(resident))));
    }

    /// <summary>
    /// Votes arriving together share transactions; repeats mixed into the crowd must not cost the others their vote:
    /// every first vote counts, every repeat is a 409, and the tally is exact.
    /// </summary>
    [Fact]
    public async Task Repeats_in_a_crowd_of_first_votes_are_refused_and_every_first_vote_counts()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var voted = await app.AccountsAsync(10, "york");
        foreach (var resident in voted) await app.VoteAsync(id, poll, resident, 0);
        var fresh = await app.AccountsAsync(100, "york");

        var repeats = voted.Select(r => app.TryVoteAsync(id, poll, r, 1)).ToList();
        var firsts = fresh.Select((r, i) => app.TryVoteAsync(id, poll, r, 1 + i % 2)).ToList();
        var (repeated, first) = (await Task.WhenAll(repeats), await Task.WhenAll(firsts));

        Assert.All(repeated, s => Assert.Equal(409, s));
        Assert.All(first, s => Assert.Equal(201, s));
        Assert.Equal(new long[] { 10, 50, 50 }, (await app.GetTownHallAsync(id)).GetProperty("currentPoll").Votes());
    }

    [Fact]
    public async Task A_second_vote_is_a_409_already_voted_and_changes_nothing()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var resident = await app.ResidentAsync();
        await app.VoteAsync(id, poll, resident, 0);

        var before = await app.EventCountAsync();
        var again = await app.VoteAsync(id, poll, resident, 1, status: 409);
        Assert.Equal("already-voted", Json.Parse(await again.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal(new long[] { 1, 0, 0 }, (await app.GetTownHallAsync(id)).GetProperty("currentPoll").Votes());

        // The same resident votes in the next poll all the same.
        await app.ClosePollAsync(id, poll, official);
        var next = await app.OpenPollAsync(id, official, "Next?", ["yes", "no"]);
        await app.VoteAsync(id, next, resident, 1);
    }

    [Fact]
    public async Task Where_the_city_requires_it_only_verified_residents_vote()
    {
        var admin = await app.NetworkAdministratorAsync();
        var slug = $"t{Guid.NewGuid():N}"[..20];
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { slug, names = new { en = "Testville" }, timeZone = "Europe/Paris", settings = new { concernResponseDays = 30, proposalSupportThreshold = 10, proposalDecisionDays = 60, supportsRequireVerifiedResidency = true } })
                .ToUrl("/api/cities");
            x.As(admin);
            x.StatusCodeShouldBe(201);
        });
        var official = await app.AccountAsync(slug, CityRole.Official);
        var id = await app.OpenTownHallAsync(official, slug);
        var poll = await app.OpenPollAsync(id, official, city: slug);
        var plain = await app.AccountAsync(slug, CityRole.Resident);
        var verified = await app.AccountAsync(slug, CityRole.Resident, CityRole.VerifiedResident);

        var before = await app.EventCountAsync();
        var refused = await app.VoteAsync(id, poll, plain, 0, status: 403, city: slug);
        Assert.Equal("verified-residency-required", Json.Parse(await refused.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
        await app.VoteAsync(id, poll, verified, 0, city: slug);
        Assert.Equal(1, (await app.GetTownHallAsync(id, slug)).GetProperty("currentPoll").GetProperty("total").GetInt64());
    }
}
