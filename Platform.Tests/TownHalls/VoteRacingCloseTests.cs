using Platform.Api.Participation;
using Platform.Api.TownHalls;

namespace Platform.Tests.TownHalls;

/// <summary>
/// A poll closing while votes are in flight: no vote may land after the close. Every stored vote has a
/// lower event sequence than the close, and the final tally is exactly the votes answered 201.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class VoteRacingCloseTests(AppFixture app)
{
    [Fact]
    public async Task Votes_in_flight_when_a_poll_closes_either_count_before_the_close_or_are_refused_poll_closed()
    {
        const int voters = 100;
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        var crowd = await app.AccountsAsync(voters, "york");

        var answered = 0;
        var closeAfter = new TaskCompletionSource();
        var votes = crowd.Select(async (resident, i) =>
        {
            var status = await app.TryVoteAsync(id, poll, resident, i % 3);
            if (Interlocked.Increment(ref answered) == 10) closeAfter.TrySetResult();
            return status;
        }).ToList();
        // Close once the first votes are answered, while the others are still on their way.
        await closeAfter.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.ClosePollAsync(id, poll, official);
        var atClose = (await app.GetTownHallAsync(id)).GetProperty("pastPolls")[0].GetProperty("total").GetInt64();
        var statuses = await Task.WhenAll(votes);

        Assert.All(statuses, s => Assert.Contains(s, new[] { 201, 409 }));
        var accepted = statuses.Count(s => s == 201);
        Assert.InRange(accepted, 10, voters);

        var (closeSequence, voteSequences) = await SequencesAsync(poll);
        Assert.Equal(accepted, voteSequences.Count);
        Assert.All(voteSequences, s => Assert.True(s < closeSequence, $"vote {s} stored after the close {closeSequence}"));
        var past = (await app.GetTownHallAsync(id)).GetProperty("pastPolls")[0];
        Assert.Equal(accepted, past.GetProperty("total").GetInt64());
        Assert.Equal(atClose, accepted);

        // After the close every vote is refused, and stores nothing.
        var late = await app.ResidentAsync();
        var before = await app.EventCountAsync();
        var refused = await app.VoteAsync(id, poll, late, 0, status: 409);
        Assert.Equal("poll-closed", Json.Parse(await refused.ReadAsTextAsync()).GetProperty("code").GetString());
        Assert.Equal(before, await app.EventCountAsync());
    }

    /// <summary>
    /// Widens the race deterministically: votes decided while the poll was open are held inside their
    /// transactions (the test locks the tally table) or queued behind them, the poll closes meanwhile, then they are let go.
    /// Each either commits before the close (the close waits for it) or is refused: the tally announced at
    /// the close is the final one. Without the guard the close went first and all 20 counted after it.
    /// </summary>
    [Fact]
    public async Task Votes_held_at_commit_while_the_poll_closes_are_refused_and_the_tally_at_close_is_final()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(id, official);
        foreach (var early in await app.AccountsAsync(5, "york")) await app.VoteAsync(id, poll, early, 0);
        var crowd = await app.AccountsAsync(20, "york");

        await using var holder = new NpgsqlConnection(TestDatabase.ConnectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await new NpgsqlCommand("lock table platform.vote_tally in exclusive mode", holder, hold).ExecuteNonQueryAsync();
        var votes = crowd.Select((r, i) => app.TryVoteAsync(id, poll, r, i % 3)).ToList();
        await WaitForHeldAsync(crowd.Count);
        var close = app.ClosePollAsync(id, poll, official);
        await Task.WhenAny(close, Task.Delay(1000));
        await hold.CommitAsync();
        await close;
        var atClose = (await app.GetTownHallAsync(id)).GetProperty("pastPolls")[0].GetProperty("total").GetInt64();
        var statuses = await Task.WhenAll(votes);

        Assert.All(statuses, s => Assert.Contains(s, new[] { 201, 409 }));
        var accepted = 5 + statuses.Count(s => s == 201);
        Assert.Equal(accepted, atClose);
        var (closeSequence, voteSequences) = await SequencesAsync(poll);
        Assert.Equal(accepted, voteSequences.Count);
        Assert.All(voteSequences, s => Assert.True(s < closeSequence));
        Assert.Equal(accepted, (await app.GetTownHallAsync(id)).GetProperty("pastPolls")[0].GetProperty("total").GetInt64());
    }

    /// <summary>
    /// Waits until all <paramref name="count"/> votes reached the group commit (written in transactions or queued
    /// behind them) and a vote's transaction waits on the held lock.
    /// </summary>
    private async Task WaitForHeldAsync(int count)
    {
        var batcher = app.Host.Services.GetRequiredService<ParticipationWriter>().Votes;
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var waiting = (long)(await new NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'", connection).ExecuteScalarAsync())!;
            if (waiting >= 1 && batcher.Writing + batcher.Queued >= count) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Fewer than {count} votes reached the held lock.");
    }

    private static async Task<(long Close, List<long> Votes)> SequencesAsync(Guid poll)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select seq_id, type from platform.mt_events where tenant_id = 'york' and data ->> 'pollId' = @poll " +
            "and type in ('town_hall_vote_cast', 'town_hall_poll_closed')", connection);
        command.Parameters.AddWithValue("poll", poll.ToString());
        long close = 0;
        var votes = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (reader.GetString(1) == "town_hall_poll_closed") close = reader.GetInt64(0);
            else votes.Add(reader.GetInt64(0));
        Assert.NotEqual(0, close);
        return (close, votes);
    }
}
