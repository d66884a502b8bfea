using System.Globalization;

namespace Platform.Tests.Open311;

/// <summary>
/// The Open311 GeoReport v2 endpoint through a client written against the specification: every method in JSON and XML,
/// a request becoming a concern on the platform's own API and page, the council's answer read back, the filters.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class GeoReportTests(AppFixture app)
{
    [Fact]
    public async Task The_services_are_the_rights_of_the_catalogue_and_both_formats_say_the_same()
    {
        var scene = await Open311Scene.CreateAsync(app);
        var json = await scene.Client.ServicesAsync("json");
        var xml = await scene.Client.ServicesAsync("xml");

        Assert.Equal((200, "application/json", "array"), (json.Status, json.ContentType, json.Root));
        Assert.Equal((200, "text/xml", "services"), (xml.Status, xml.ContentType, xml.Root));
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml.Body);
        Assert.Equal(GeoAnswer.Describe(json.Records), GeoAnswer.Describe(xml.Records));
        var housing = Assert.Single(json.Records, r => (string?)r["service_code"] == "housing");
        Assert.Equal("Adequate housing", housing["service_name"]);
        Assert.Equal(("true", "realtime"), ((string?)housing["metadata"], (string?)housing["type"]));
        Assert.Contains("Affordability", (string)housing["keywords"]!);
        Assert.Equal("UDHR article 25", housing["group"]);
        Assert.True(json.Records.Count >= 10, $"only {json.Records.Count} services");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_service_definition_names_its_district_attribute_and_an_unknown_service_is_404(string format)
    {
        var scene = await Open311Scene.CreateAsync(app);
        var definition = await scene.Client.DefinitionAsync("mobility", format);
        Assert.Equal(200, definition.Status);
        Assert.Equal("mobility", definition.Text(0, "service_code"));
        var attribute = Assert.Single((List<Dictionary<string, object?>>)definition.Records[0]["attributes"]!);
        Assert.Equal(("district", "string", "false", "true"), ((string?)attribute["code"], (string?)attribute["datatype"], (string?)attribute["required"], (string?)attribute["variable"]));

        var unknown = await scene.Client.DefinitionAsync("teleportation", format);
        Assert.Equal(404, unknown.Status);
        var error = Assert.Single(unknown.Errors);
        Assert.Equal(404, error.Code);
        Assert.StartsWith("service_code:", error.Description);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task A_request_becomes_an_anonymous_concern_on_the_platform_and_reads_back_the_councils_answer(string format)
    {
        var scene = await Open311Scene.CreateAsync(app);
        var description = $"Mould in every flat of Clifton House {Guid.NewGuid():N}\nThe landlord has ignored our letters since March.";
        var posted = await scene.Client.PostAsync(format, GeoReportClient.Fields(scene.Key, "housing", description,
            ("attribute[district]", "Clifton"), ("email", "someone@example.org"), ("first_name", "Ann"), ("phone", "+44 1904 000000")));
        Assert.True(posted.Status == 200, posted.Body);
        Assert.Equal(format == "json" ? "array" : "service_requests", posted.Root);
        var id = posted.Text(0, "service_request_id")!;
        Assert.Contains("30 days", posted.Text(0, "service_notice"));
        Assert.Null(posted.Text(0, "account_id"));

        // The platform's own API and page show it: same command, same rules, anonymous (no account was made from the email).
        var concern = await app.GetConcernAsync(Guid.Parse(id), scene.City);
        Assert.Equal(description.Split('\n')[0], concern.GetProperty("title").GetString());
        Assert.Equal(description, concern.GetProperty("description").GetString());
        Assert.Equal(["housing"], concern.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Clifton", concern.GetProperty("district").GetString());
        Assert.True(concern.GetProperty("anonymous").GetBoolean());
        var page = await scene.Client.GetAsync($"/cities/{scene.City}/concerns/{id}");
        Assert.Equal(200, page.Status);
        Assert.Contains(description.Split('\n')[0], page.Body);
        await using (var session = app.Store.QuerySession())
            Assert.False(await session.Query<Platform.Api.Accounts.Account>().AnyAsync(a => a.Email == "someone@example.org"));
        Assert.DoesNotContain("someone@example.org", await EventsOfAsync(id));

        var open = await scene.Client.RequestAsync(id, format);
        Assert.Equal(200, open.Status);
        var request = open.Records.Single();
        Assert.Equal(("open", "housing", "Adequate housing"), ((string?)request["status"], (string?)request["service_code"], (string?)request["service_name"]));
        Assert.Equal(("53.9591", "-1.0815"), ((string?)request["lat"], (string?)request["long"]));
        Assert.Equal(description, request["description"]);
        Assert.Null(request["media_url"]);
        var raised = DateTimeOffset.Parse((string)request["requested_datetime"]!, CultureInfo.InvariantCulture);
        Assert.Equal(raised.AddDays(30), DateTimeOffset.Parse((string)request["expected_datetime"]!, CultureInfo.InvariantCulture));

        await app.ActAsync(Guid.Parse(id), "acknowledgement", scene.Official, new { department = "Housing standards" }, city: scene.City);
        await app.ActAsync(Guid.Parse(id), "answer", scene.Official, new { answer = "An inspector visits on Monday." }, city: scene.City);
        var answered = (await scene.Client.RequestAsync(id, format)).Records.Single();
        Assert.Equal(("open", "An inspector visits on Monday.", "Housing standards"),
            ((string?)answered["status"], (string?)answered["status_notes"], (string?)answered["agency_responsible"]));

        await app.ActAsync(Guid.Parse(id), "resolution", scene.Official, new { note = "The landlord treated every flat." }, city: scene.City);
        var closed = (await scene.Client.RequestAsync(id, format)).Records.Single();
        Assert.Equal(("closed", "The landlord treated every flat."), ((string?)closed["status"], (string?)closed["status_notes"]));
        Assert.True(DateTimeOffset.Parse((string)closed["updated_datetime"]!, CultureInfo.InvariantCulture) >= raised);
    }

    [Fact]
    public async Task The_request_list_filters_by_id_service_status_and_dates_and_both_formats_say_the_same()
    {
        var scene = await Open311Scene.CreateAsync(app);
        var housing = await scene.SubmitAsync("housing");
        var health = await scene.SubmitAsync("health", "No wheelchair access at the Tang Hall clinic");
        var resolved = await scene.SubmitAsync("health", "Clinic closed on Saturdays without notice");
        await app.ActAsync(Guid.Parse(resolved), "resolution", scene.Official, new { note = "Open on Saturdays again." }, city: scene.City);
        var hidden = await scene.SubmitAsync("housing", "A concern a moderator hides");
        await app.ActAsync(Guid.Parse(hidden), "hiding", await app.AccountAsync(scene.City, CityRole.Moderator), new { reason = "Names a person." }, city: scene.City);

        async Task<string[]> Ids(string query, string format = "json")
        {
            var answer = await scene.Client.RequestsAsync(format, query);
            Assert.True(answer.Status == 200, answer.Body);
            return answer.Records.Select(r => (string)r["service_request_id"]!).ToArray();
        }

        Assert.Equal([resolved, health, housing], await Ids("")); // newest first, the hidden one left out
        Assert.Equal(await Ids("", "xml"), await Ids(""));
        Assert.Equal(GeoAnswer.Describe((await scene.Client.RequestsAsync("json")).Records), GeoAnswer.Describe((await scene.Client.RequestsAsync("xml")).Records));
        Assert.Equal([resolved, health], await Ids("?service_code=health"));
        Assert.Equal([resolved], await Ids("?status=closed"));
        Assert.Equal([health, housing], await Ids("?status=open"));
        Assert.Equal([resolved, health], await Ids("?service_code=health,education&status=open,closed"));
        Assert.Equal([housing], await Ids($"?service_request_id={housing},{hidden}&service_code=health")); // the ids win over other filters
        Assert.Empty(await Ids($"?start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-200).ToString("O"))}&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-120).ToString("O"))}"));
        Assert.Equal(3, (await Ids($"?start_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"))}")).Length);

        // Another city's request is not found here, nor listed.
        var other = await Open311Scene.CreateAsync(app);
        var theirs = await other.SubmitAsync("housing");
        Assert.Equal(404, (await scene.Client.RequestAsync(theirs, "json")).Status);
        Assert.Empty(await Ids($"?service_request_id={theirs}"));
        Assert.Equal(404, (await scene.Client.RequestAsync(hidden, "xml")).Status);
    }

    public static TheoryData<string, int, string> RefusedQueries => new()
    {
        { "requests.json?start_date=yesterday", 400, "start_date" },
        { "requests.xml?end_date=2026-13-45", 400, "end_date" },
        { "requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", 400, "end_date" },
        { "requests.json?start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z", 400, "end_date" },
        { "requests.xml?status=pending", 400, "status" },
        { "requests.json?service_code=teleportation", 404, "service_code" },
        { "requests.json?service_request_id=42", 400, "service_request_id" },
        { "requests.json?service_request_id=" + "0197a7b1-0000-7000-8000-000000000000," + string.Join(",", Enumerable.Repeat("0197a7b1-0000-7000-8000-000000000000", 100)), 400, "service_request_id" },
        { "requests/not-an-id.xml", 404, "service_request_id" },
        { "requests/0197a7b1-0000-7000-8000-000000000000.json", 404, "service_request_id" },
        { "services.csv", 400, "format" },
        { "services.json?jurisdiction_id=leeds", 400, "jurisdiction_id" },
    };

    [Theory, MemberData(nameof(RefusedQueries))]
    public async Task A_refused_read_answers_the_specifications_error_list_naming_the_parameter(string path, int status, string parameter)
    {
        var scene = await Open311Scene.CreateAsync(app);
        var answer = await scene.Client.GetAsync($"{scene.Client.Root}/{path}");
        GeoAnswer.AssertError(answer, status, parameter, path.Contains(".xml") ? "xml" : "json");
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task An_unknown_city_is_a_404_in_the_specifications_format(string format)
    {
        var answer = await new GeoReportClient(app.Host.Server.CreateClient(), "atlantis").ServicesAsync(format);
        GeoAnswer.AssertError(answer, 404, "city", format);
    }

    private async Task<string> EventsOfAsync(string concern)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce(string_agg(data::text, ' '), '') from platform.mt_events where data::text like '%' || @id || '%'", connection);
        command.Parameters.AddWithValue("id", concern);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
