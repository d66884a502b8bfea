namespace Platform.Tests.Participation;

/// <summary>The breakdown reads supports and votes from the event table by type: Marten's schema holds an index for that.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class BreakdownIndexTests(AppFixture app)
{
    [Fact]
    public async Task The_event_table_has_an_index_on_the_event_type()
    {
        Assert.NotNull(app.Host); // the host applied the schema at start-up
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select indexdef from pg_indexes where schemaname = 'platform' and tablename = 'mt_events'", connection);
        var definitions = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) definitions.Add(reader.GetString(0));
        Assert.Contains(definitions, d => Regex.IsMatch(d, @"\(type, seq_id\)"));
    }
}
