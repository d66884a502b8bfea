namespace Platform.Tests.Participation;

/// <summary>Short ways to call the equal-participation endpoints from tests (docs/participation.md).</summary>
public static class ParticipationApi
{
    /// <summary>Saves a profile with consent: <paramref name="answers"/> are the body's answers.</summary>
    public static Task<JsonElement> SaveProfileAsync(this AppFixture app, Actor person, object answers) =>
        app.SendForJsonAsync(HttpMethod.Put, "/api/accounts/me/profile", answers, person, 200);

    /// <summary>Residents of <paramref name="city"/>, each with a consented profile of <paramref name="gender"/> (none when null) and <paramref name="ageBand"/>.</summary>
    public static async Task<IReadOnlyList<Actor>> PeopleAsync(this AppFixture app, string city, int count, string? gender = null, string? ageBand = null)
    {
        var people = await app.AccountsAsync(count, city, CityRole.Resident, CityRole.VerifiedResident);
        if (gender is not null || ageBand is not null)
            foreach (var person in people) await app.SaveProfileAsync(person, new { consent = true, gender, ageBand });
        return people;
    }

    /// <summary>The participation breakdown's figures of one activity and dimension.</summary>
    public static async Task<JsonElement> FiguresAsync(this AppFixture app, string city, string activity, string dimension) =>
        Dimension(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/participation")), activity, dimension);

    public static JsonElement Dimension(JsonElement breakdown, string activity, string dimension) =>
        Activity(breakdown, activity).GetProperty("dimensions").EnumerateArray().Single(d => d.GetProperty("dimension").GetString() == dimension);

    public static JsonElement Activity(JsonElement breakdown, string activity) =>
        breakdown.GetProperty("activities").EnumerateArray().Single(a => a.GetProperty("activity").GetString() == activity);

    public static JsonElement Group(this JsonElement dimension, string group) =>
        dimension.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == group);

    /// <summary>A count as served: the number, or null with <c>fewerThan</c> 10.</summary>
    public static long? Count(this JsonElement people) =>
        people.GetProperty("count").ValueKind == JsonValueKind.Null ? null : people.GetProperty("count").GetInt64();

    /// <summary>How many participation profiles the store (its <paramref name="schema"/>) holds under <paramref name="pseudonym"/> (0 or 1).</summary>
    public static async Task<long> ProfilesOfAsync(Guid pseudonym, string schema = "platform")
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {schema}.mt_doc_participationprofile where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = pseudonym });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
