namespace Platform.Tests.Open311;

/// <summary>
/// Keys and bad input of <c>POST requests</c>: a missing, wrong, other city's or revoked key is a 403, a form that is wrong
/// a 400 (an unknown service a 404) naming the parameter, in the format asked, and none of them stores anything. Keys are
/// issued, listed and revoked by the city's officials only, shown once and kept only as a hash.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class Open311KeyTests(AppFixture app)
{
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_missing_wrong_other_citys_or_revoked_key_is_refused_403_and_stores_nothing(string format)
    {
        var scene = await Open311Scene.CreateAsync(app);
        var other = await Open311Scene.CreateAsync(app, "Another city's app");
        var revoked = await Open311Scene.IssueAsync(app, scene.City, scene.Official, "Retired app");
        await app.Host.Scenario(x =>
        {
            x.Delete.Url($"/api/cities/{scene.City}/open311/clients/{revoked.Id}");
            x.As(scene.Official);
            x.StatusCodeShouldBeOk();
        });
        var before = (await scene.EventCountAsync(), await other.EventCountAsync());

        foreach (var key in new string?[] { null, "", "o311_not-a-key-of-anyone", "guess", scene.Key + "x", other.Key, revoked.Key })
        {
            var answer = await scene.Client.PostAsync(format, GeoReportClient.Fields(key, "housing", "A request with a bad key"));
            GeoAnswer.AssertError(answer, 403, "api_key", format);
        }
        Assert.Equal(before, (await scene.EventCountAsync(), await other.EventCountAsync()));

        // The same keys work where they belong.
        Assert.Equal(200, (await other.Client.PostAsync(format, GeoReportClient.Fields(other.Key, "housing", "A request with its own city's key"))).Status);
    }

    public static TheoryData<string[], int, string> RefusedForms => new()
    {
        // name=value pairs after the key, status, parameter named
        { ["lat=53.9", "long=-1.08", "description=No service"], 400, "service_code" },
        { ["service_code=teleportation", "lat=53.9", "long=-1.08", "description=Beam me up"], 404, "service_code" },
        { ["service_code=housing", "lat=53.9", "long=-1.08"], 400, "description" },
        { ["service_code=housing", "lat=53.9", "long=-1.08", "description=   "], 400, "description" },
        { ["service_code=housing", "description=Nowhere"], 400, "address_string" },
        { ["service_code=housing", "address_id=42", "description=An address id"], 400, "address_id" },
        { ["service_code=housing", "lat=53.9", "description=Half a point"], 400, "long" },
        { ["service_code=housing", "lat=91", "long=0", "description=Past the pole"], 400, "lat" },
        { ["service_code=housing", "lat=53.9", "long=east", "description=Not a number"], 400, "long" },
        { ["service_code=housing", "lat=NaN", "long=1", "description=Not a number"], 400, "lat" },
        { ["service_code=housing", "address_string=" + new string('a', 251), "description=Long address"], 400, "address_string" },
        { ["service_code=housing", "address_string=1 High St", "description=" + new string('d', 5001)], 400, "description" },
        { ["service_code=housing", "address_string=1 High St", "description=Long district", "attribute[district]=" + new string('d', 101)], 400, "attribute[district]" },
        { ["service_code=housing", "address_string=1 High St", "description=Colour", "attribute[colour]=red"], 400, "attribute[colour]" },
        { ["service_code=housing", "service_code=health", "address_string=1 High St", "description=Twice"], 400, "service_code" },
    };

    [Theory, MemberData(nameof(RefusedForms))]
    public async Task A_wrong_form_is_refused_naming_the_parameter_in_both_formats_and_stores_nothing(string[] pairs, int status, string parameter)
    {
        var scene = await Open311Scene.CreateAsync(app);
        var fields = new List<KeyValuePair<string, string>> { new("api_key", scene.Key) };
        fields.AddRange(pairs.Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1])));
        var before = await scene.EventCountAsync();
        foreach (var format in new[] { "json", "xml" })
            GeoAnswer.AssertError(await scene.Client.PostAsync(format, fields), status, parameter, format);
        Assert.Equal(before, await scene.EventCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_and_a_huge_description_stores_nothing()
    {
        var scene = await Open311Scene.CreateAsync(app);
        var before = await scene.EventCountAsync();
        using var http = app.Host.Server.CreateClient();
        using var json = await http.PostAsync($"{scene.Client.Root}/requests.json",
            new StringContent($$"""{"api_key":"{{scene.Key}}","service_code":"housing","description":"x","lat":1,"long":1}""", System.Text.Encoding.UTF8, "application/json"));
        GeoAnswer.AssertError(await GeoAnswer.ReadAsync(json), 403, "api_key", "json");
        var huge = await scene.Client.PostAsync("xml", GeoReportClient.Fields(scene.Key, "housing", new string('x', 2_000_000)));
        Assert.InRange(huge.Status, 400, 499);
        Assert.Equal(before, await scene.EventCountAsync());
    }

    [Fact]
    public async Task Officials_issue_list_and_revoke_keys_shown_once_and_stored_only_as_a_hash()
    {
        var city = await app.CityWithThresholdAsync(threshold: 1);
        var official = await app.AccountAsync(city, CityRole.Official);
        var (id, key) = await Open311Scene.IssueAsync(app, city, official, "  Street Reporter  ");
        Assert.StartsWith("o311_", key);
        Assert.True(key.Length >= 40, key);

        var list = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/open311/clients"); x.As(official); x.StatusCodeShouldBeOk(); });
        var text = await list.ReadAsTextAsync();
        Assert.DoesNotContain(key, text);
        var client = Assert.Single(Json.Parse(text).EnumerateArray());
        Assert.Equal(("Street Reporter", true), (client.GetProperty("app").GetString(), client.GetProperty("active").GetBoolean()));

        // Nowhere in the store: neither its events nor its documents hold the key.
        await using (var connection = new NpgsqlConnection(TestDatabase.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "select (select count(*) from platform.mt_events where data::text like '%' || @key || '%') + (select count(*) from platform.mt_doc_open311client where data::text like '%' || @key || '%')", connection);
            command.Parameters.AddWithValue("key", key[5..]);
            Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
        }

        foreach (var _ in Enumerable.Range(0, 2)) // revoking again changes nothing
        {
            var revoked = await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/open311/clients/{id}"); x.As(official); x.StatusCodeShouldBeOk(); });
            Assert.False(Json.Parse(await revoked.ReadAsTextAsync()).GetProperty("active").GetBoolean());
        }

        // Residents, another city's officials and anonymous callers get nowhere; a key of no client of this city is not found.
        var resident = await app.AccountAsync(city, CityRole.Resident);
        var elsewhere = await app.AccountAsync("york", CityRole.Official);
        foreach (var (caller, status) in new (Actor?, int)[] { (resident, 403), (elsewhere, 403), (null, 401) })
            await app.Host.Scenario(x =>
            {
                x.Post.Json(new { app = "Sneaky" }).ToUrl($"/api/cities/{city}/open311/clients");
                if (caller is not null) x.As(caller);
                x.StatusCodeShouldBe(status);
            });
        var unknown = await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/{city}/open311/clients/{Guid.NewGuid()}"); x.As(official); x.StatusCodeShouldBe(404); });
        await ProblemAssert.NamesAsync(unknown, 404, "client-not-found");
        var unnamed = await app.Host.Scenario(x => { x.Post.Json(new { app = " " }).ToUrl($"/api/cities/{city}/open311/clients"); x.As(official); x.StatusCodeShouldBe(400); });
        await ProblemAssert.NamesAsync(unnamed, 400, "app");
    }
}
