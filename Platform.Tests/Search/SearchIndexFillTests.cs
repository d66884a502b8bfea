using Platform.Api.Search;

namespace Platform.Tests.Search;

/// <summary>Items stored before the index existed are added to it once, from their views, as the views show them.</summary>
[Collection(IntegrationCollection.Name)]
public class SearchIndexFillTests(AppFixture app)
{
    [Fact]
    public async Task Items_missing_from_the_index_are_added_once_and_hidden_or_redacted_text_stays_unfound()
    {
        var city = await app.NewCityAsync();
        var word = "fill" + Guid.NewGuid().ToString("N")[..10];
        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        var official = await app.OfficialAsync(city);
        var open = await app.RaiseAsync(city, new { title = $"{word} open", rights = new[] { "housing" } });
        var hidden = await app.RaiseAsync(city, new { title = $"{word} hidden", rights = new[] { "housing" } });
        var redacted = await app.RaiseAsync(city, new { title = $"{word} redacted", rights = new[] { "housing" } });
        var proposal = await app.SubmitAsync(city, new { title = $"{word} proposal", rights = new[] { "mobility" } });
        await app.ActAsync(hidden, "hiding", moderator, new { reason = "Spam." }, city: city);
        await app.ActAsync(redacted, "redaction", moderator, new { reason = "A private address." }, city: city);
        await app.ActOnProposalAsync(proposal, "rejection", official, new { reason = "No budget." }, 200, city);

        // As before the index existed: the city's rows are not there.
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = new NpgsqlCommand("delete from platform.search_entry where tenant_id = $1", connection) { Parameters = { new() { Value = city } } };
            Assert.Equal(4, await delete.ExecuteNonQueryAsync());
        }
        Assert.Empty(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/search?q={word}")).Ids());

        var fill = app.Host.Services.GetRequiredService<SearchIndexFill>();
        Assert.True(await fill.MigrateAsync(CancellationToken.None) >= 4);
        Assert.Equal(0, await fill.MigrateAsync(CancellationToken.None)); // a second run adds nothing

        var found = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/search?q={word}"));
        Assert.Equal([open, proposal], found.Ids().OrderBy(id => id == proposal).ToList());
        Assert.Equal("rejected", found.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == proposal).GetProperty("status").GetString());
        Assert.Equal([proposal], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/search?q={word}&right=mobility&status=rejected")).Ids());
        // Restored, the hidden one is found again: its text was kept, as the view keeps it.
        await app.ActAsync(hidden, "restoration", moderator, new { reason = "Not spam." }, city: city);
        Assert.Contains(hidden, Json.Parse(await app.GetTextAsync($"/api/cities/{city}/search?q={word}")).Ids());
    }
}
