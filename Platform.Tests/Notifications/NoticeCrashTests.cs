using Platform.Tests.Cluster;

namespace Platform.Tests.Notifications;

/// <summary>
/// Exactly once, for real: one API node (a real process, on a database of its own) turns fifteen changes into notices
/// for sixty-one people each; it is killed (SIGKILL) while the notices are being written and handled, started again, and
/// every person then holds each notice exactly once, and as many <see cref="Platform.Api.Notifications.NoticeRaised"/> as
/// notices were published, every one handled.
/// </summary>
[Collection(NoticeCrashCollection.Name)]
public sealed class NoticeCrashTests(NoticeNode fixture)
{
    private const int Supporters = 60, Concerns = 5;
    private static readonly string[] Changes = ["acknowledgement", "answer", "resolution"];

    [Fact]
    public async Task A_node_killed_while_notices_are_written_gives_each_person_each_notice_once_after_its_restart()
    {
        var node = fixture.Node;
        var author = (await ClusterApi.ResidentsAsync([node.Http], 1))[0];
        var supporters = await ClusterApi.ResidentsAsync([node.Http], Supporters);
        var official = await ClusterApi.OfficialAsync(node.Http, fixture.ConnectionString);
        var concerns = new List<Guid>();
        for (var i = 0; i < Concerns; i++) concerns.Add(await ClusterApi.RaiseConcernAsync(node.Http, author));
        await Parallel.ForEachAsync(supporters, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, _) =>
        {
            foreach (var concern in concerns) await ClusterApi.SupportAsync(node.Http, s, concern);
        });

        var bodies = new Dictionary<string, object>
        {
            ["acknowledgement"] = new { department = "Transport" }, ["answer"] = new { answer = "Raised kerbs by June." }, ["resolution"] = new { note = "Done." },
        };
        foreach (var change in Changes)
            foreach (var concern in concerns)
                await ClusterApi.PostAsync(node.Http, official, $"api/cities/york/concerns/{concern}/{change}", bodies[change]);
        const int expected = Concerns * 3 * (Supporters + 1);

        // Kill the node once notices exist but not all of them are written and handled.
        var clock = Stopwatch.StartNew();
        (long Notices, long Handled) atKill;
        while (true)
        {
            atKill = await CountsAsync();
            if (atKill.Notices > 0) break;
            if (clock.Elapsed > TimeSpan.FromSeconds(60)) Assert.Fail("No notice was written within 60 s.");
            await Task.Delay(20);
        }
        await node.KillAsync();
        var afterKill = await CountsAsync();
        Assert.True(afterKill.Notices < expected || afterKill.Handled < expected,
            $"The node finished before it was killed ({afterKill.Notices} notices, {afterKill.Handled} handled): nothing was interrupted.");

        await node.StartAsync();
        clock.Restart();
        var counts = await CountsAsync();
        while (counts.Notices < expected || counts.Handled < expected)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(90)) break;
            await Task.Delay(250);
            counts = await CountsAsync();
        }
        await Task.Delay(2000); // and nothing more comes
        counts = await CountsAsync();

        Assert.Equal(expected, counts.Notices);
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        // Each person: each change of each concern once (the author and every supporter).
        await using (var perPerson = new NpgsqlCommand(
            "select count(*) from (select account_id, data ->> 'itemId', data ->> 'kind' from platform.mt_doc_notice " +
            "group by 1, 2, 3 having count(*) = 1) once", connection))
            Assert.Equal(expected, (long)(await perPerson.ExecuteScalarAsync())!);
        // The messages: one NoticeRaised per notice (none published twice by a batch handled again), every one handled.
        // (The envelope's body is Wolverine's binary envelope, so the count per message type is what SQL can check.)
        await using var envelopes = new NpgsqlCommand(
            "select count(*), count(*) filter (where status = 'Handled') from platform.wolverine_incoming_envelopes where message_type = @type", connection);
        envelopes.Parameters.AddWithValue("type", typeof(Platform.Api.Notifications.NoticeRaised).FullName!);
        await using var reader = await envelopes.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((expected, expected), (reader.GetInt64(0), reader.GetInt64(1)));
    }

    /// <summary>Notices stored, and their <c>NoticeRaised</c> messages handled.</summary>
    private async Task<(long Notices, long Handled)> CountsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select (select count(*) from platform.mt_doc_notice), " +
            "(select count(*) from platform.wolverine_incoming_envelopes where message_type = @type and status = 'Handled')", connection);
        command.Parameters.AddWithValue("type", typeof(Platform.Api.Notifications.NoticeRaised).FullName!);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

/// <summary>One API node as a real process on a database of its own (the test database's name + <c>_notices</c>, made afresh).</summary>
public sealed class NoticeNode : IAsyncLifetime
{
    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString)
    {
        Database = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString).Database + "_notices", MaxPoolSize = 40,
    }.ConnectionString;

    public ApiNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        var name = builder.Database!;
        builder.Database = "postgres";
        builder.Pooling = false;
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using (var drop = new NpgsqlCommand($"drop database if exists \"{name}\" with (force)", connection)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"create database \"{name}\"", connection)) await create.ExecuteNonQueryAsync();
        }
        Node = new ApiNode(1, ClusterFixture.NodeEnvironment(ConnectionString, redis: null), ClusterPaths.LogFolder());
        await Node.StartAsync();
        await ClusterFixture.StoreCitiesAsync(ConnectionString);
    }

    public async Task DisposeAsync() => await Node.DisposeAsync();
}

/// <summary>Runs alone: a node of its own, killed on purpose.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NoticeCrashCollection : ICollectionFixture<NoticeNode>
{
    public const string Name = "notice-crash";
}
