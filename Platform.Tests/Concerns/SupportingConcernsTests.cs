
namespace Platform.Tests.Concerns;

[Collection(IntegrationCollection.Name)]
public class SupportingConcernsTests(AppFixture app)
{
    [Fact]
    public async Task Each_resident_counts_once()
    {
        var id = await app.RaiseAsync();
        var ana = await app.ResidentAsync();
        var ben = await app.ResidentAsync();

        Assert.True((await app.SupportAsync(id, ana)).GetProperty("changed").GetBoolean());
        Assert.False((await app.SupportAsync(id, ana)).GetProperty("changed").GetBoolean());
        Assert.True((await app.SupportAsync(id, ben)).GetProperty("changed").GetBoolean());

        Assert.Equal(2, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
    }

    [Fact]
    public async Task A_withdrawn_support_stops_counting_and_can_be_given_again()
    {
        var id = await app.RaiseAsync();
        var resident = await app.ResidentAsync();
        await app.SupportAsync(id, resident);

        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/york/concerns/{id}/supports"); x.As(resident); x.StatusCodeShouldBeOk(); });
        Assert.Equal(0, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());

        await app.SupportAsync(id, resident);
        Assert.Equal(1, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
    }

    [Fact]
    public async Task The_version_grows_with_each_support()
    {
        var id = await app.RaiseAsync();
        var before = (await app.GetConcernAsync(id)).GetProperty("version").GetInt64();
        await app.SupportAsync(id, await app.ResidentAsync());
        Assert.True((await app.GetConcernAsync(id)).GetProperty("version").GetInt64() > before);
    }

    [Fact]
    public async Task Five_hundred_distinct_residents_supporting_at_once_count_exactly_five_hundred()
    {
        const int residents = 500;
        var id = await app.RaiseAsync();
        var supporters = await app.AccountsAsync(residents, "york");
        var before = await app.EventCountAsync();

        // Real HTTP requests through the test server, 32 in flight at a time.
        var results = new System.Collections.Concurrent.ConcurrentBag<System.Text.Json.JsonElement>();
        await Parallel.ForEachAsync(supporters, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (resident, _) => results.Add(await app.SupportAsync(id, resident)));

        Assert.Equal(residents, results.Count);
        Assert.All(results, r => Assert.True(r.GetProperty("changed").GetBoolean()));
        Assert.Equal(residents, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
        Assert.Equal(before + residents, await app.EventCountAsync());
    }

    [Fact]
    public async Task Concurrent_repeats_by_one_resident_count_once()
    {
        var id = await app.RaiseAsync();
        var resident = await app.ResidentAsync();

        // Each request answers 200 (SupportAsync asserts it); exactly one of them changed anything.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.SupportAsync(id, resident)));

        Assert.All(results, r => Assert.True(r.GetProperty("supported").GetBoolean()));
        Assert.Single(results, r => r.GetProperty("changed").GetBoolean());
        Assert.Equal(1, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
        await using var session = app.Store.QuerySession("york");
        var stream = await session.Events.FetchStreamAsync(Platform.Domain.PersonalStream.Id(id, app.Participant(resident)));
        Assert.Single(stream);
    }

    [Fact]
    public async Task Supports_arriving_together_for_an_open_and_a_hidden_concern_count_only_where_accepted()
    {
        // Concurrent first supports share transactions (group commit): a refused one must not take the others down.
        var open = await app.RaiseAsync();
        var hidden = await app.RaiseAsync();
        await app.ActAsync(hidden, "hiding", await app.AccountAsync("york", Platform.Domain.Accounts.CityRole.Moderator), new { reason = "Personal data" });
        var supporters = await app.AccountsAsync(120, "york");
        var before = await app.EventCountAsync();

        var statuses = new System.Collections.Concurrent.ConcurrentBag<(Guid Concern, int Status)>();
        await Parallel.ForEachAsync(supporters.Select((resident, i) => (resident, concern: i % 2 == 0 ? open : hidden)),
            new ParallelOptions { MaxDegreeOfParallelism = 40 }, async (pair, _) =>
            {
                var result = await app.Host.Scenario(x =>
                {
                    x.Post.Url($"/api/cities/york/concerns/{pair.concern}/supports");
                    x.As(pair.resident);
                    x.IgnoreStatusCode();
                });
                statuses.Add((pair.concern, result.Context.Response.StatusCode));
            });

        Assert.All(statuses.Where(s => s.Concern == open), s => Assert.Equal(200, s.Status));
        Assert.All(statuses.Where(s => s.Concern == hidden), s => Assert.InRange(s.Status, 400, 499));
        Assert.Equal(60, (await app.GetConcernAsync(open)).GetProperty("supports").GetInt64());
        Assert.Equal(before + 60, await app.EventCountAsync());
    }
}
