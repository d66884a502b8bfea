using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Api.Scorecards;
using Platform.Domain.Concerns;
using Platform.Projections.Scorecards;
using Weasel.Core;

namespace Platform.Tests.Scorecards;

/// <summary>
/// A changed view is built beside the one that serves (docs/projections.md): the test host serves the city scorecard
/// at version 1 while a second store on the same database, registered with the scorecard projection at version 2 (as
/// the next deployment would be), builds its own copy from the first event in a table and progress of its own. The
/// scorecard keeps answering 200 with its figures all along, and once version 2 has caught up, the same reader gives
/// the same answer from either version.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProjectionVersionTests(AppFixture app)
{
    private static readonly DateTimeOffset Jan1 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_new_version_of_the_scorecard_builds_beside_the_serving_one_which_answers_throughout_and_ends_with_the_same_answers()
    {
        var city = await app.NewCityAsync(concernResponseDays: 30);
        var official = Guid.CreateVersion7();
        // A history: 300 concerns, every third one answered after five days.
        var streams = Enumerable.Range(0, 300).Select(i =>
        {
            var id = Guid.CreateVersion7();
            object raised = new ConcernRaised(id, $"Concern {i}", "", ["housing"], [], null, Guid.CreateVersion7(), false, Jan1);
            return (id, i % 3 == 0 ? new[] { raised, new ConcernAnswered(id, official, "Done", Jan1.AddDays(5)) } : [raised]);
        }).ToArray();
        var mark = await app.AppendAsync(city, streams);
        await app.WaitForAsync<CityScorecard>(city, mark, s => s.Version);
        var served = await ConcernFiguresAsync(city);
        Assert.Equal(300, served.GetProperty("raised").GetInt32());
        Assert.Equal(100, served.GetProperty("answered").GetInt32());

        var schema = app.Host.Services.GetRequiredService<PlatformOptions>().Schema;
        await using var green = DocumentStore.For(opts =>
        {
            opts.Connection(TestDatabase.ConnectionString);
            opts.DatabaseSchemaName = schema;
            opts.AutoCreateSchemaObjects = AutoCreate.CreateOnly; // adds its own table, changes nothing of the serving version's
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.TenancyStyle = TenancyStyle.Conjoined;
            opts.Events.AppendMode = EventAppendMode.Rich; // as the platform's store: the same event functions
            opts.Events.EnableEventTypeIndex = true; // and the same event table (else its index reads as a change CreateOnly refuses)
            opts.Policies.AllDocumentsAreMultiTenanted();
            opts.Schema.For<City>().SingleTenanted();
            opts.Schema.For<CityScorecard>().SingleTenanted();
            var next = new CityScorecardProjection { Version = 2, GateSideEffectsBehindPriorVersion = true };
            next.Options.BatchSize = 100; // small pages, so that the catch-up moves in steps the test can see
            opts.Projections.Add(next, ProjectionLifecycle.Async);
        });
        var shard = green.Options.Projections.AllShards().Single().Name.Identity;
        Assert.Contains(":V2:", shard);
        var high = await ScalarAsync($"select max(seq_id) from {schema}.mt_events");

        var daemon = await green.BuildProjectionDaemonAsync();
        try
        {
            await daemon.StartAllAsync();
            var answeredWhileBehind = 0;
            var watch = Stopwatch.StartNew();
            while (true)
            {
                // The serving version answers with the full figures, whatever the new one has done so far.
                var figures = await ConcernFiguresAsync(city);
                Assert.Equal(served.GetRawText(), figures.GetRawText());
                var progress = await ScalarAsync($"select coalesce(max(last_seq_id), 0) from {schema}.mt_event_progression where name = '{shard}'");
                if (progress >= high) break;
                answeredWhileBehind++;
                Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), $"version 2 of the scorecard stayed at {progress} of {high}");
            }
            Assert.True(answeredWhileBehind > 0, "no request was answered while version 2 was still behind");

            // Caught up: version 2 keeps a document of its own, and the reader answers the same from either version.
            Assert.Equal(1, await ScalarAsync($"select count(*) from {schema}.mt_doc_cityscorecard_2 where id = '{city}'"));
            var reader = new ScorecardReader(new FixedClock(Jan1.AddYears(1)));
            ScorecardDetails? blue, next;
            await using (var session = app.Store.QuerySession()) blue = await reader.ScorecardAsync(session, city, CancellationToken.None);
            await using (var session = green.QuerySession()) next = await reader.ScorecardAsync(session, city, CancellationToken.None);
            Assert.NotNull(blue);
            Assert.Equal(mark, blue.Version);
            Assert.Equal(JsonSerializer.Serialize(blue), JsonSerializer.Serialize(next));
        }
        finally
        {
            await daemon.StopAllAsync();
            daemon.Dispose();
            // Leave the test database as the serving version knows it.
            await ExecuteAsync($"delete from {schema}.mt_event_progression where name = '{shard}'; drop table if exists {schema}.mt_doc_cityscorecard_2 cascade; " +
                "do $$ declare f record; begin for f in select p.oid::regprocedure as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace " +
                $"where n.nspname = '{schema}' and p.proname like 'mt\\_%\\_cityscorecard\\_2' loop execute 'drop function ' || f.signature; end loop; end $$");
        }
    }

    private async Task<JsonElement> ConcernFiguresAsync(string city)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url($"/api/cities/{city}/scorecard");
            x.StatusCodeShouldBe(200);
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("concerns").Clone();
    }

    private static async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FixedClock(DateTimeOffset at) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => at;
    }
}
