using Marten;
using Npgsql;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Weasel.Core;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// A rebuild of every view starts with the projections that read the most events (each reads the events of the types it
/// takes), so the longest are not left to run alone at the end; the counts come from PostgreSQL's statistics of the event
/// table, or from a count when the table was never analysed.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RebuildOrderTests(AppFixture app)
{
    [Fact]
    public void Projections_that_read_the_most_events_come_first_and_every_view_comes_once()
    {
        var order = app.Store.RebuildOrder(new Dictionary<string, long>
        {
            ["concern_supported"] = 600_000, ["town_hall_vote_cast"] = 200_000, ["concern_raised"] = 20_000, ["commitment_progress_reported"] = 50_000,
        });

        Assert.Equal(app.Store.Rebuildable().Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        // The supports are read by the support tally and the board's document only, the votes by the vote tally only.
        Assert.Equal(["ConcernBoard", "SupportTallyProjection"], order.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("VoteTallyProjection", order[2]);
        var at = order.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        Assert.True(at["CommitmentView"] < at["ConcernView"]); // 50,000 progress reports before 20,000 raisings
        Assert.True(at["ConcernView"] < at["ConsultationView"]); // which reads none of these
    }

    [Fact]
    public async Task The_counts_of_the_event_types_come_from_the_statistics_of_the_event_table()
    {
        var city = await app.NewCityAsync();
        foreach (var title in new[] { "Dark park", "Broken bench", "Closed library" })
        {
            var concern = Guid.CreateVersion7();
            await app.AppendAsync(city, (concern, [new ConcernRaised(concern, title, "", ["safety"], [], null, Guid.NewGuid(), false, DateTimeOffset.UtcNow)]));
        }
        long raised;
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var analyse = new NpgsqlCommand("analyze platform.mt_events", connection);
            await analyse.ExecuteNonQueryAsync();
            await using var count = new NpgsqlCommand("select count(*) from platform.mt_events where type = 'concern_raised' and not is_archived", connection);
            raised = (long)(await count.ExecuteScalarAsync())!;
        }

        var counts = await app.Store.EventsByTypeAsync(CancellationToken.None);

        // An estimate from a sample of the table (all of it when it is small): near the count, not exactly it.
        Assert.InRange(counts.GetValueOrDefault("concern_raised"), raised / 2, raised * 2);
    }

    [Fact]
    public async Task An_event_table_never_analysed_is_counted_event_by_event()
    {
        // A store of its own, on a schema of its own: its event table is new, so PostgreSQL has no statistics of it.
        var schema = $"counts_{Guid.NewGuid():N}"[..24];
        await using var store = DocumentStore.For(opts =>
        {
            opts.Connection(TestDatabase.ConnectionString);
            opts.DatabaseSchemaName = schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.Events.StreamIdentity = JasperFx.Events.StreamIdentity.AsGuid;
        });
        try
        {
            await using (var session = store.LightweightSession())
            {
                foreach (var title in new[] { "Dark park", "Broken bench", "Closed library" })
                {
                    var concern = Guid.CreateVersion7();
                    session.Events.StartStream(concern, new ConcernRaised(concern, title, "", ["safety"], [], null, Guid.NewGuid(), false, DateTimeOffset.UtcNow));
                }
                var answered = Guid.CreateVersion7();
                session.Events.StartStream(answered,
                    new ConcernRaised(answered, "No ramp", "", ["disability"], [], null, Guid.NewGuid(), false, DateTimeOffset.UtcNow),
                    new ConcernAnswered(answered, Guid.NewGuid(), "A ramp is planned", DateTimeOffset.UtcNow));
                await session.SaveChangesAsync();
            }
            await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
            {
                await connection.OpenAsync();
                await using var statistics = new NpgsqlCommand("select count(*) from pg_stats where schemaname = $1 and tablename = 'mt_events'", connection);
                statistics.Parameters.Add(new NpgsqlParameter { Value = schema });
                Assert.Equal(0L, (long)(await statistics.ExecuteScalarAsync())!);
            }

            var counts = await store.EventsByTypeAsync(CancellationToken.None);

            Assert.Equal(4, counts["concern_raised"]);
            Assert.Equal(1, counts["concern_answered"]);
        }
        finally
        {
            await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
