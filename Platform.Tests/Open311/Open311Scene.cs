namespace Platform.Tests.Open311;

/// <summary>A fresh city with an official, a client app's key issued by that official through the API, and a GeoReport client.</summary>
public sealed record Open311Scene(AppFixture App, string City, Actor Official, string Key, Guid ClientId, GeoReportClient Client)
{
    public static async Task<Open311Scene> CreateAsync(AppFixture app, string appName = "FixMyStreet York")
    {
        var city = await app.CityWithThresholdAsync(threshold: 1);
        var official = await app.AccountAsync(city, CityRole.Official);
        var (id, key) = await IssueAsync(app, city, official, appName);
        return new Open311Scene(app, city, official, key, id, new GeoReportClient(app.Host.Server.CreateClient(), city));
    }

    public static async Task<(Guid Id, string Key)> IssueAsync(AppFixture app, string city, Actor official, string appName)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { app = appName }).ToUrl($"/api/cities/{city}/open311/clients");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });
        var issued = Json.Parse(await result.ReadAsTextAsync());
        return (issued.GetProperty("id").GetGuid(), issued.GetProperty("key").GetString()!);
    }

    /// <summary>
    /// How many events the scene's city holds (tombstones aside): what a refused request must leave as it was. Counted in the
    /// city's tenant only, so tests of other collections writing meanwhile do not move it.
    /// </summary>
    public async Task<long> EventCountAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from platform.mt_events where tenant_id = @city and type <> 'tombstone'", connection);
        command.Parameters.AddWithValue("city", City);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Posts a valid request for <paramref name="service"/>; answers its service_request_id.</summary>
    public async Task<string> SubmitAsync(string service = "housing", string description = "Mould in every flat of Clifton House\nThe landlord ignores it.",
        params (string, string)[] extra)
    {
        var answer = await Client.PostAsync("json", GeoReportClient.Fields(Key, service, description, extra));
        Assert.True(answer.Status == 200, answer.Body);
        return answer.Text(0, "service_request_id")!;
    }
}
