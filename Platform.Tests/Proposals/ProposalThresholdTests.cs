using Platform.Domain.Proposals;

namespace Platform.Tests.Proposals;

/// <summary>Supports arriving together cross the threshold once: one ThresholdReached, an exact count, no failed support.</summary>
[Collection(IntegrationCollection.Name)]
public class ProposalThresholdTests(AppFixture app)
{
    [Fact]
    public async Task Twenty_concurrent_residents_crossing_a_threshold_of_five_record_it_exactly_once()
    {
        var city = await app.CityWithThresholdAsync(threshold: 5, decisionDays: 30);
        var id = await app.SubmitAsync(city);
        var supporters = await app.AccountsAsync(20, city);

        var results = await Task.WhenAll(supporters.Select(r => app.SupportProposalAsync(id, r, city)));

        Assert.All(results, r => Assert.True(r.GetProperty("changed").GetBoolean()));
        var proposal = await app.GetProposalAsync(id, city);
        Assert.Equal(20, proposal.GetProperty("supports").GetInt64());
        Assert.Equal("thresholdReached", proposal.GetProperty("status").GetString());
        Assert.Equal(1, await app.EventsOfAsync<ProposalThresholdReached>(id, city));

        await using var session = app.Store.QuerySession(city);
        var reached = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<ProposalThresholdReached>().Single();
        Assert.Equal(5, reached.Supports); // recorded by the support that crossed it
        Assert.Equal(reached.ReachedAt.AddDays(30), reached.DecisionDue);
    }

    [Fact]
    public async Task The_support_that_crosses_the_threshold_records_it_in_its_own_transaction_with_the_exact_count()
    {
        var city = await app.CityWithThresholdAsync(threshold: 5, decisionDays: 30);
        var id = await app.SubmitAsync(city);
        var supporters = await app.AccountsAsync(12, city);

        await Task.WhenAll(supporters.Select(r => app.SupportProposalAsync(id, r, city)));

        await using var session = app.Store.QuerySession(city);
        var reached = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<ProposalThresholdReached>().Single();
        Assert.Equal(5, reached.Supports); // the fifth support, not a later count
        // PostgreSQL's xmin is the transaction that wrote a row: the event shares it with exactly one support.
        await using var connection = new Npgsql.NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "select count(*) from platform.mt_events s, platform.mt_events t where t.stream_id = @id and t.type = 'proposal_threshold_reached' " +
            "and s.type = 'proposal_supported' and s.data ->> 'proposalId' = @text and s.xmin = t.xmin", connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("text", id.ToString());
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Concurrent_repeats_by_one_resident_count_once_and_do_not_reach_a_threshold_of_two()
    {
        var city = await app.CityWithThresholdAsync(threshold: 2);
        var id = await app.SubmitAsync(city);
        var resident = await app.ResidentAsync(city);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.SupportProposalAsync(id, resident, city)));

        Assert.Single(results, r => r.GetProperty("changed").GetBoolean());
        var proposal = await app.GetProposalAsync(id, city);
        Assert.Equal(1, proposal.GetProperty("supports").GetInt64());
        Assert.Equal("open", proposal.GetProperty("status").GetString());
        Assert.Equal(0, await app.EventsOfAsync<ProposalThresholdReached>(id, city));
    }

    [Fact]
    public async Task Withdrawals_after_the_threshold_do_not_undo_it()
    {
        var city = await app.CityWithThresholdAsync(threshold: 1);
        var id = await app.SubmitAsync(city);
        var resident = await app.ResidentAsync(city);
        await app.SupportProposalAsync(id, resident, city);

        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/proposals/{id}/supports"); x.As(resident); x.StatusCodeShouldBeOk(); });
        await app.SupportProposalAsync(id, resident, city);

        var proposal = await app.GetProposalAsync(id, city);
        Assert.Equal("thresholdReached", proposal.GetProperty("status").GetString());
        Assert.Equal(1, proposal.GetProperty("supports").GetInt64());
        Assert.Equal(1, await app.EventsOfAsync<ProposalThresholdReached>(id, city));
    }
}
