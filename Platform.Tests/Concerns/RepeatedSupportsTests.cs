using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Tests.Concerns;

/// <summary>
/// Repeats in a crowd of first supports, over HTTP: each answered as a repeat, every first support counted; a crowd
/// that supports twice at once is counted exactly, without an error in the log. (The lane's batches themselves:
/// <c>Platform.Tests/Participation/ParticipationLaneTests.cs</c>.)
/// </summary>
[Collection(IntegrationCollection.Name)]
public class RepeatedSupportsTests(AppFixture app)
{
    [Fact]
    public async Task Repeats_in_a_crowd_of_first_supports_are_answered_as_repeats_and_every_first_support_counts()
    {
        var id = await app.RaiseAsync();
        var supported = await app.AccountsAsync(30, "york");
        foreach (var resident in supported) await app.SupportAsync(id, resident);
        var fresh = await app.AccountsAsync(90, "york");
        var before = await app.EventCountAsync();

        var answers = new ConcurrentBag<(bool First, JsonElement Answer)>();
        await Parallel.ForEachAsync(fresh.Select(r => (r, first: true)).Concat(supported.Select(r => (r, first: false))).OrderBy(_ => Random.Shared.Next()),
            new ParallelOptions { MaxDegreeOfParallelism = 40 }, async (call, _) => answers.Add((call.first, await app.SupportAsync(id, call.r))));

        Assert.All(answers, a => Assert.True(a.Answer.GetProperty("supported").GetBoolean()));
        Assert.All(answers.Where(a => a.First), a => Assert.True(a.Answer.GetProperty("changed").GetBoolean()));
        Assert.All(answers.Where(a => !a.First), a => Assert.False(a.Answer.GetProperty("changed").GetBoolean()));
        Assert.Equal(120, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
        Assert.Equal(before + 90, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_crowd_supporting_twice_at_once_counts_each_resident_once_and_logs_no_error()
    {
        var id = await app.RaiseAsync();
        var crowd = await app.AccountsAsync(150, "york");
        var before = await app.EventCountAsync();
        var since = DateTimeOffset.UtcNow;

        var answers = new ConcurrentBag<(Actor Resident, bool Changed)>();
        await Parallel.ForEachAsync(crowd.Concat(crowd), new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (resident, _) => answers.Add((resident, (await app.SupportAsync(id, resident)).GetProperty("changed").GetBoolean())));

        Assert.All(answers.GroupBy(a => a.Resident.Id), pair => Assert.Equal([false, true], pair.Select(a => a.Changed).Order()));
        Assert.Equal(150, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
        Assert.Equal(before + 150, await app.EventCountAsync());
        var logged = app.Log.Since(since);
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logged, e => e.Exception is not null);
    }
}
