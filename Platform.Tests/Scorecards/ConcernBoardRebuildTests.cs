using JasperFx.Events.Projections;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Platform.Api.Infrastructure;
using Platform.Api.Scorecards;
using Platform.Domain.Concerns;
using Platform.Projections;
using Platform.Projections.Concerns;
using Platform.Projections.Scorecards;

namespace Platform.Tests.Scorecards;

/// <summary>
/// The concern board is rebuilt by two statements over the events (<see cref="ISqlRebuild"/>, docs/projections.md): its
/// concerns' rows, which the inline projection wrote event by event, and each city's document (version and time), which
/// the daemon folded; both come out exactly as they were, with every event type the board takes: a reopening after an
/// answer, a redaction, a hiding and a restoring, the three ways off the board, a support of a resolved concern as the
/// newest event, and two cities. After the rebuild the running daemon goes on from the rebuilt documents, new events add
/// to the rebuilt rows, and the board shows the same.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ConcernBoardRebuildTests(AppFixture app)
{
    private static readonly DateTimeOffset Day = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Official = Guid.CreateVersion7();

    [Fact]
    public async Task The_board_rebuilt_in_sql_equals_what_the_daemon_folded_event_by_event()
    {
        var (city, other) = (await app.NewCityAsync(), await app.NewCityAsync());
        var c = Enumerable.Range(0, 10).Select(_ => Guid.CreateVersion7()).ToArray();
        var r = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        await app.AppendAsync(city,
            Raise(c[0], "Flooded underpass", ["mobility", "housing"], "North"),
            Raise(c[1], "Rats in the 'Saint-Michel' courtyard — ça suffit", ["health"], null),
            Raise(c[2], "Spam", ["housing"], "North"),
            Raise(c[3], "Dry taps", ["water"], "Centre"),
            Raise(c[4], "Evictions on Ash Street", ["housing"], "South"),
            Raise(c[5], "Broken lift", ["housing"], "North"),
            Raise(c[6], "Noise at night", ["health"], "East"),
            Raise(c[7], "Bus stop too far", ["mobility"], "West"),
            Raise(c[8], "No ramp at the library", ["mobility", "education"], null, Day.ToOffset(TimeSpan.FromHours(2)))); // a time not in UTC
        await app.AppendAsync(city,
            (c[0], [new ConcernAcknowledged(c[0], Official, "Roads", Day.AddDays(30), Day.AddDays(1)), new ConcernAnswered(c[0], Official, "Pumps ordered.", Day.AddDays(2))]),
            Support(c[0], r[0]), Support(c[0], r[1]), Support(c[0], r[2]),
            Support(c[1], r[1]), Support(c[1], r[2]),
            (c[2], [new ConcernHidden(c[2], Official, "Spam", Day.AddDays(1))]), Support(c[2], r[0]),
            (c[3], [new ConcernHidden(c[3], Official, "Check", Day.AddDays(1)), new ConcernRestored(c[3], Official, "Fine", Day.AddDays(2)),
                new ConcernAnswered(c[3], Official, "Fixed.", Day.AddDays(3)), new ConcernReopened(c[3], "Still dry", Day.AddDays(40), Day.AddDays(4))]),
            (c[4], [new ConcernRedacted(c[4], Official, "Names a neighbour", Day.AddDays(1))]), Support(c[4], r[3]),
            (c[5], [new ConcernResolved(c[5], Official, null, Day.AddDays(3))]),
            (c[6], [new ConcernDeclined(c[6], Official, "Not the council's", Day.AddDays(3))]),
            (c[7], [new ConcernWithdrawn(c[7], Day.AddDays(3))]));
        await app.AppendAsync(city, (PersonalStream.Id(c[0], r[1]), [new ConcernSupportWithdrawn(c[0], r[1], Day.AddDays(4))]), Support(c[8], r[0]));
        var newest = await app.AppendAsync(city, Support(c[5], r[3])); // a resolved concern: the board takes it, nothing changes
        var otherNewest = await app.AppendAsync(other, Raise(c[9], "Closed playground", ["children"], "Old Town"), Support(c[9], r[0]));

        var folded = await BoardsAsync(city, other, newest, otherNewest);
        Assert.Equal(newest, folded.Documents[city].Version); // the daemon's version is the newest event the board takes
        Assert.Equal(7, folded.Rows.Count); // nine raised in the city, one in the other, three off the board
        var shown = await ShownAsync(city);

        using var daemon = await app.Store.BuildProjectionDaemonAsync();
        var inSql = ((DocumentStore)app.Store).Options.Projections.All
            .Where(p => p is ISqlRebuild or IProjectionWrapper { InnerProjection: ISqlRebuild }).Select(p => p.Name).ToList();
        Assert.Contains("ConcernBoard", inSql); // so RebuildAsync runs their statements
        Assert.Contains("ConcernBoardRowsProjection", inSql);
        await app.Store.RebuildAsync(daemon, "ConcernBoardRowsProjection", CancellationToken.None);
        await app.Store.RebuildAsync(daemon, "ConcernBoard", CancellationToken.None);

        var rebuilt = await BoardsAsync(city, other, newest, otherNewest);
        Assert.Equal(folded.Documents, rebuilt.Documents);
        Assert.Equal(folded.Rows, rebuilt.Rows);
        Assert.Equivalent(shown, await ShownAsync(city), strict: true);
        Assert.Equal(new Dictionary<Guid, long> { [c[0]] = 2, [c[1]] = 2, [c[4]] = 1, [c[8]] = 1, [c[3]] = 0 }, shown.Top.ToDictionary(t => t.Id, t => t.Supports));
        Assert.Equal((ConcernStatus.Acknowledged, ConcernView.RedactedTitle), (shown.Top.Single(t => t.Id == c[3]).Status, shown.Top.Single(t => t.Id == c[4]).Title));

        var later = await app.AppendAsync(city, Support(c[3], r[0]), (c[1], [new ConcernAcknowledged(c[1], Official, "Health", Day.AddDays(30), Day.AddDays(5))]));
        await app.WaitForAsync<ConcernBoard>(city, later, b => b.Version); // the daemon went on from the rebuilt document
        var after = await ShownAsync(city);
        Assert.Equal(later, after.Version);
        Assert.Equal(1, after.Top.Single(t => t.Id == c[3]).Supports);
        Assert.Equal(ConcernStatus.Acknowledged, after.Top.Single(t => t.Id == c[1]).Status); // the inline projection wrote on the rebuilt rows
    }

    [Fact]
    public async Task The_board_document_rebuild_reads_the_progression_row_the_daemon_keeps_for_its_shard_and_version()
    {
        var city = await app.NewCityAsync();
        var version = await app.AppendAsync(city, Raise(Guid.CreateVersion7(), "Dark park", ["safety"], "North"));
        await app.WaitForAsync<ConcernBoard>(city, version, b => b.Version);
        var board = ((DocumentStore)app.Store).Options.Projections.All.OfType<ConcernBoardProjection>().Single();
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select last_seq_id from platform.mt_event_progression where name = $1", connection) { Parameters = { new() { Value = board.Shard } } };
            Assert.True((long)(await command.ExecuteScalarAsync())! >= version); // the row the daemon writes is the one the statement reads
        }
        Assert.Contains($"name = '{board.Shard}'", board.RebuildSql(t => t.Name));

        var second = new ConcernBoardProjection("platform") { Version = 2 }; // a new version keeps its own progression
        Assert.Equal("ConcernBoard:V2:All", second.Shard);
        Assert.Contains("name = 'ConcernBoard:V2:All'", second.RebuildSql(t => t.Name));
    }

    [Fact]
    public async Task A_board_stored_before_its_concerns_had_rows_gets_them_from_the_events_at_start_up()
    {
        var city = await app.NewCityAsync();
        var (open, resolved) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var version = await app.AppendAsync(city, Raise(open, "Flooded underpass", ["mobility"], "North"), Support(open, Guid.NewGuid()),
            Raise(resolved, "Broken lift", ["housing"], null), (resolved, [new ConcernResolved(resolved, Official, null, Day.AddDays(2))]));
        await app.WaitForAsync<ConcernBoard>(city, version, b => b.Version);
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var forget = new NpgsqlCommand("delete from platform.concern_board where tenant_id = $1", connection) { Parameters = { new() { Value = city } } };
            Assert.Equal(1, await forget.ExecuteNonQueryAsync()); // as a database from before the rows: the board shows nothing
        }
        Assert.Equal(0, (await ShownAsync(city)).OpenConcerns);

        Assert.True(await app.Host.Services.GetRequiredService<ConcernBoardRowsFill>().MigrateAsync(CancellationToken.None) >= 1);

        var shown = await ShownAsync(city);
        Assert.Equal([(open, "Flooded underpass", 1L)], shown.Top.Select(c => (c.Id, c.Title, c.Supports)));
    }

    private async Task<ConcernBoardDetails> ShownAsync(string city)
    {
        await using var session = app.Store.QuerySession();
        return (await app.Host.Services.GetRequiredService<ConcernBoardReader>().BoardAsync(session, city, 50, CancellationToken.None))!;
    }

    private static (Guid, object[]) Raise(Guid id, string title, string[] rights, string? district, DateTimeOffset? at = null) =>
        (id, [new ConcernRaised(id, title, "", rights, [], district, Guid.NewGuid(), false, at ?? Day)]);

    private static (Guid, object[]) Support(Guid concern, Guid resident) =>
        (PersonalStream.Id(concern, resident), [new ConcernSupported(concern, resident, Day.AddDays(1))]);

    private sealed record Stored(string Data, long Version);

    private sealed record StoredBoards(Dictionary<string, Stored> Documents, List<string> Rows);

    /// <summary>
    /// The two cities' stored board documents (the JSON as PostgreSQL normalises it, and the revision) once the daemon
    /// reached the given versions, and their concerns' rows, each as text.
    /// </summary>
    private async Task<StoredBoards> BoardsAsync(string city, string other, long version, long otherVersion)
    {
        await app.WaitForAsync<ConcernBoard>(city, version, b => b.Version);
        await app.WaitForAsync<ConcernBoard>(other, otherVersion, b => b.Version);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var documents = new Dictionary<string, Stored>();
        await using (var command = new NpgsqlCommand("select id, data::text, mt_version from platform.mt_doc_concernboard where id = any($1)", connection)
        {
            Parameters = { new() { Value = new[] { city, other } } },
        })
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) documents[reader.GetString(0)] = new Stored(reader.GetString(1), reader.GetInt64(2));
        var rows = new List<string>();
        await using (var command = new NpgsqlCommand("select b::text from platform.concern_board b where tenant_id = any($1) order by tenant_id, concern_id", connection)
        {
            Parameters = { new() { Value = new[] { city, other } } },
        })
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return new StoredBoards(documents, rows);
    }
}
