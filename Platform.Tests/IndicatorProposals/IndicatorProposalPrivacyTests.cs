namespace Platform.Tests.IndicatorProposals;

/// <summary>A proposer's and a supporter's data: in their export, and erased with their account while the proposal and its count stay.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class IndicatorProposalPrivacyTests(AppFixture app)
{
    private const string Password = "correct horse battery";

    [Fact]
    public async Task A_proposal_and_a_support_are_in_the_export_and_erasing_the_account_removes_the_words_and_the_person()
    {
        var city = await app.NewCityAsync();
        var (person, _) = await app.RegisterAsync(city, Password);
        var secret = $"My family {Guid.NewGuid():N} has waited two years";
        var id = await app.ProposeAsync(city, person, IndicatorProposalApi.Body(why: secret));
        var other = await app.ProposeAsync(city, await app.ResidentAsync(city));
        await app.PostAsync($"{IndicatorProposalApi.Url(city)}/{other}/supports", null, person, 200);

        var export = Json.Parse(await app.GetTextAsync("/api/accounts/me/export", person));
        var kinds = export.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("kind").GetString()).ToList();
        Assert.Contains("indicator_proposed", kinds);
        Assert.Contains("indicator_proposal_supported", kinds);
        Assert.Contains(secret, export.GetRawText());
        Assert.True((await app.GetAsync($"{IndicatorProposalApi.Url(city)}/{id}", person)).Body.GetProperty("mine").GetBoolean());
        Assert.False((await app.ProposalAsync(city, id)).GetProperty("mine").GetBoolean()); // anonymous: nobody's

        await app.Host.Scenario(x => { x.Delete.Json(new { password = Password }).ToUrl("/api/accounts/me"); x.As(person); x.StatusCodeShouldBe(200); });

        var erased = await app.ProposalAsync(city, id);
        Assert.Equal(Platform.Api.Accounts.PersonalData.ErasedTitle, erased.GetProperty("why").GetString());
        Assert.Equal(1, (await app.ProposalAsync(city, other)).GetProperty("supports").GetInt64()); // the count stays
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from platform.mt_events where data::text like @secret or data ->> 'authorId' = @person", connection);
        command.Parameters.AddWithValue("secret", $"%{secret}%");
        command.Parameters.AddWithValue("person", person.Id.ToString());
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
