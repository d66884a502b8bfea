using JasperFx.Events.Projections;
using Npgsql;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Platform.Projections;

namespace Platform.Tests.Scorecards;

/// <summary>
/// The support and vote tallies are rebuilt by one statement over the events (<see cref="ISqlRebuild"/>,
/// docs/projections.md) and that gives what the inline projection counted event by event as they were written:
/// supports less withdrawals (a support given again after its withdrawal counts once), per concern and per proposal,
/// votes per poll and option, and the newest sequence of each. The statement was the one that ran: it writes every row of
/// both tables, every city's, on shard 0, where the inline projection (and so a rebuild through the daemon, which applies
/// it page by page) spreads them over random shards. After the rebuild, new supports add to the rebuilt rows.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class SqlRebuildTests(AppFixture app)
{
    [Fact]
    public async Task The_tallies_rebuilt_in_sql_equal_what_the_inline_projection_counted_event_by_event()
    {
        var city = await app.NewCityAsync();
        var now = DateTimeOffset.UtcNow;
        var (concern, proposal, townHall, poll) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var residents = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var streams = new List<(Guid, object[])>
        {
            (concern, [new ConcernRaised(concern, "Broken lift at the station", "", ["housing"], [], null, Guid.NewGuid(), false, now)]),
            (PersonalStream.Id(concern, residents[0]), [new ConcernSupported(concern, residents[0], now), new ConcernSupportWithdrawn(concern, residents[0], now)]),
            (PersonalStream.Id(concern, residents[1]), [new ConcernSupported(concern, residents[1], now), new ConcernSupportWithdrawn(concern, residents[1], now), new ConcernSupported(concern, residents[1], now)]),
            (PersonalStream.Id(proposal, residents[0]), [new ProposalSupported(proposal, residents[0], now)]),
            (PersonalStream.Id(proposal, residents[1]), [new ProposalSupported(proposal, residents[1], now), new ProposalSupportWithdrawn(proposal, residents[1], now)]),
        };
        streams.AddRange(residents[2..].Select(r => (PersonalStream.Id(concern, r), new object[] { new ConcernSupported(concern, r, now) })));
        streams.AddRange(residents[1..].Select((r, i) => (PersonalStream.Id(poll, r), new object[] { new TownHallVoteCast(townHall, poll, r, i % 2, now) })));
        foreach (var stream in streams) await app.AppendAsync(city, stream); // one transaction each, as residents write them

        var counted = await TalliesAsync(city, concern, proposal, poll);
        Assert.Equal([(concern, 5L), (proposal, 1L)], counted.Supports.Select(s => (s.Item, s.Count)));
        Assert.Equal([(0, 3L), (1, 2L)], counted.Votes.Select(v => (v.Option, v.Count)));
        Assert.True(counted.OffShardZero > 0, "the inline projection spreads an item's rows over shards"); // thirteen inline writes of random shards here alone

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        var rebuiltInSql = ((DocumentStore)app.Store).Options.Projections.All
            .Where(p => p is IProjectionWrapper { InnerProjection: ISqlRebuild }).Select(p => p.Name).ToList();
        Assert.Equal(4, rebuiltInSql.Count); // the two tallies, the search index and the concern board's rows
        foreach (var name in rebuiltInSql) await app.Store.RebuildAsync(daemon, name, CancellationToken.None);

        var rebuilt = await TalliesAsync(city, concern, proposal, poll);
        Assert.Equal(counted.Supports, rebuilt.Supports);
        Assert.Equal(counted.Votes, rebuilt.Votes);
        Assert.Equal(0, rebuilt.OffShardZero); // every city's rows on shard 0, one per item and option: the statement's, not the daemon's

        await app.AppendAsync(city, (PersonalStream.Id(concern, residents[0]), [new ConcernSupported(concern, residents[0], now)]));
        Assert.Equal(6, (await TalliesAsync(city, concern, proposal, poll)).Supports[0].Count);
    }

    /// <summary>The tallies of the test's items, and how many rows of the two tables, in every city, lie on a shard other than 0.</summary>
    private sealed record Tallies(List<(Guid Item, long Count, long Sequence)> Supports, List<(int Option, long Count, long Sequence)> Votes, long OffShardZero);

    private async Task<Tallies> TalliesAsync(string city, Guid concern, Guid proposal, Guid poll)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var supports = new List<(Guid, long, long)>();
        var votes = new List<(int, long, long)>();
        await using (var command = new NpgsqlCommand(
            "select item_id, sum(supports)::bigint, max(last_sequence) from platform.support_tally where tenant_id = $1 and item_id = any($2) " +
            "group by item_id order by item_id = $3 desc", connection) { Parameters = { new() { Value = city }, new() { Value = new[] { concern, proposal } }, new() { Value = concern } } })
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                supports.Add((reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2)));
        await using (var command = new NpgsqlCommand(
            "select option, sum(votes)::bigint, max(last_sequence) from platform.vote_tally where tenant_id = $1 and poll_id = $2 group by option order by option",
            connection) { Parameters = { new() { Value = city }, new() { Value = poll } } })
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                votes.Add((reader.GetInt32(0), reader.GetInt64(1), reader.GetInt64(2)));
        await using var offShard = new NpgsqlCommand(
            "select (select count(*) from platform.support_tally where shard <> 0) + (select count(*) from platform.vote_tally where shard <> 0)", connection);
        return new Tallies(supports, votes, (long)(await offShard.ExecuteScalarAsync())!);
    }
}
