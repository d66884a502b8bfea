using System.Globalization;

namespace Platform.Tests.UnRecommendations;

/// <summary>A city's UN recommendations through the API: entered and imported, answered, followed up into commitments, filtered, in the report.</summary>
[Collection(IntegrationCollection.Name)]
public class UnRecommendationApiTests(AppFixture app)
{
    private const string Header = "source,cycle,paragraph,text,rights,sdgTargets\n";

    private const string GoodFile = Header
        + "upr,UPR 4th cycle 2022,43.112,\"Provide adequate social housing, including at local level.\",housing,11.1\n"
        + "CRPD,CRPD concluding observations 2017,49,Make buses and public buildings accessible.,disability-inclusion;mobility,11.2\n"
        + "cerd,CERD concluding observations 2024,18,Record hate incidents reported to local services.,non-discrimination,\n";

    private static string Url(string city) => $"/api/cities/{city}/un-recommendations";

    private async Task<(string City, Actor Official)> CityAsync()
    {
        var city = await app.NewCityAsync();
        return (city, await app.AccountAsync(city, CityRole.Official));
    }

    private async Task<IScenarioResult> ImportAsync(string city, Actor? who, string csv, int status) =>
        await app.Host.Scenario(x =>
        {
            x.Post.Text(csv).ToUrl($"{Url(city)}/import");
            x.ConfigureHttpContext(c => c.Request.ContentType = "text/csv");
            if (who is not null) x.As(who);
            x.StatusCodeShouldBe(status);
        });

    private static object Body(string? source = "upr", string[]? rights = null, string[]? sdgTargets = null, string paragraph = "1.1") => new
    {
        source, cycle = "UPR 4th cycle 2022", paragraph, text = "End street homelessness by 2030.", rights = rights ?? ["housing"], sdgTargets = sdgTargets ?? ["11.1"],
    };

    private async Task<Guid> RecordAsync(string city, Actor official, object? body = null) =>
        (await app.PostAsync(Url(city), body ?? Body(), official, 201)).GetProperty("id").GetGuid();

    /// <summary>The events stored in the city's tenant.</summary>
    private static async Task<long> EventsOfAsync(string city)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from platform.mt_events where tenant_id = @city", connection);
        command.Parameters.AddWithValue("city", city);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task A_good_file_is_recorded_whole_filtered_by_source_right_and_response_and_importing_it_again_records_nothing()
    {
        var (city, official) = await CityAsync();
        var imported = Json.Parse(await (await ImportAsync(city, official, GoodFile, 200)).ReadAsTextAsync());
        Assert.Equal((3, 0), (imported.GetProperty("imported").GetInt32(), imported.GetProperty("unchanged").GetInt32()));

        var (_, all) = await app.GetAsync(Url(city));
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var first = all.GetProperty("items")[0];
        Assert.Equal(("upr", "UPR 4th cycle 2022", "43.112", "Provide adequate social housing, including at local level."),
            (first.GetProperty("source").GetString(), first.GetProperty("cycle").GetString(), first.GetProperty("paragraph").GetString(), first.GetProperty("text").GetString()));
        Assert.True(first.GetProperty("imported").GetBoolean());

        var (_, crpd) = await app.GetAsync($"{Url(city)}?source=CRPD");
        var only = Assert.Single(crpd.GetProperty("items").EnumerateArray());
        Assert.Equal(["disability-inclusion", "mobility"], only.GetProperty("rights").EnumerateArray().Select(r => r.GetString()));
        var (_, housing) = await app.GetAsync($"{Url(city)}?right=housing");
        Assert.Equal(1, housing.GetProperty("total").GetInt32());

        await app.PostAsync($"{Url(city)}/{only.GetProperty("id").GetGuid()}/response", new { response = "supported" }, official, 200);
        var (_, supported) = await app.GetAsync($"{Url(city)}?response=supported");
        Assert.Equal("crpd", Assert.Single(supported.GetProperty("items").EnumerateArray()).GetProperty("source").GetString());
        var (_, unanswered) = await app.GetAsync($"{Url(city)}?response=none");
        Assert.Equal(2, unanswered.GetProperty("total").GetInt32());

        var before = await EventsOfAsync(city);
        var again = Json.Parse(await (await ImportAsync(city, official, GoodFile, 200)).ReadAsTextAsync());
        Assert.Equal((0, 3), (again.GetProperty("imported").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        Assert.Equal(before, await EventsOfAsync(city));
    }

    [Fact]
    public async Task A_file_with_bad_rows_names_the_line_and_column_of_each_and_records_nothing()
    {
        var (city, official) = await CityAsync();
        await RecordAsync(city, official);
        var before = await EventsOfAsync(city);
        var bad = Header
            + "upr,UPR 4th cycle 2022,2.1,Fine row.,housing,11.1\n"
            + "unesco,UPR 4th cycle 2022,2.2,Unknown source.,housing,\n"
            + "upr,UPR 4th cycle 2022,2.3,Unknown right and target.,housing;flying,99.9\n"
            + "upr,UPR 4th cycle 2022,2.4,,housing,\n";
        var problem = await ProblemAssert.NamesAsync(await ImportAsync(city, official, bad, 422), 422, "import-refused");
        var problems = problem.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "source"), (4, "rights"), (4, "sdgTargets"), (5, "text")], problems);
        Assert.Equal(before, await EventsOfAsync(city));

        var malformed = await ProblemAssert.NamesAsync(await ImportAsync(city, official, "source,cycle,text,rights,colour\nupr,2022,x,housing,red\n", 400), 400, "malformed-csv");
        var header = Assert.Single(malformed.GetProperty("problems").EnumerateArray());
        Assert.Equal((1, "colour"), (header.GetProperty("line").GetInt32(), header.GetProperty("column").GetString()));
        Assert.Equal(before, await EventsOfAsync(city));
    }

    [Fact]
    public async Task A_file_over_one_megabyte_is_refused_with_413_naming_the_file_and_records_nothing()
    {
        var (city, official) = await CityAsync();
        var row = "upr,UPR 4th cycle 2022,{0},A long recommendation about housing and the right to it.,housing,11.1\n";
        var huge = Header + string.Concat(Enumerable.Range(0, 20_000).Select(i => string.Format(CultureInfo.InvariantCulture, row, i)));
        Assert.True(huge.Length > 1024 * 1024);
        await ProblemAssert.NamesAsync(await ImportAsync(city, official, huge, 413), 413, "file");
        Assert.Equal(0, await EventsOfAsync(city));
    }

    [Theory]
    [InlineData("unesco", "housing", "11.1", "source")]
    [InlineData("upr", "flying", "11.1", "rights[0]")]
    [InlineData("upr", "housing", "99.9", "sdgTargets[0]")]
    public async Task An_unknown_source_right_or_target_is_a_400_naming_the_field_and_records_nothing(string source, string right, string target, string field)
    {
        var (city, official) = await CityAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(Body(source, [right], [target])).ToUrl(Url(city));
            x.As(official);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, field);
        Assert.Equal(0, await EventsOfAsync(city));
    }

    [Fact]
    public async Task Another_citys_official_or_a_resident_cannot_record_import_or_answer()
    {
        var (city, official) = await CityAsync();
        var (_, stranger) = await CityAsync();
        var resident = await app.AccountAsync(city, CityRole.Resident);
        var id = await RecordAsync(city, official);
        var before = await EventsOfAsync(city);

        await app.PostAsync(Url(city), Body(paragraph: "9.9"), stranger, 403);
        await ImportAsync(city, stranger, GoodFile, 403);
        await app.PostAsync($"{Url(city)}/{id}/response", new { response = "supported" }, stranger, 403);
        await app.PostAsync(Url(city), Body(paragraph: "9.9"), resident, 403);
        await app.PostAsync(Url(city), Body(paragraph: "9.9"), null, 401);
        Assert.Equal(before, await EventsOfAsync(city));
    }

    [Fact]
    public async Task Noted_without_a_reason_is_refused_and_a_recommendation_is_answered_once()
    {
        var (city, official) = await CityAsync();
        var id = await RecordAsync(city, official);
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { response = "noted" }).ToUrl($"{Url(city)}/{id}/response");
            x.As(official);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, "note");
        var noted = await app.PostAsync($"{Url(city)}/{id}/response", new { response = "noted", note = "Housing policy is the region's." }, official, 200);
        Assert.Equal(("noted", "Housing policy is the region's."), (noted.GetProperty("response").GetString(), noted.GetProperty("responseNote").GetString()));
        await app.PostAsync($"{Url(city)}/{id}/response", new { response = "supported" }, official, 409);
    }

    [Fact]
    public async Task A_supported_recommendation_is_followed_up_into_the_citys_own_commitments_never_another_citys()
    {
        var (city, official) = await CityAsync();
        var (other, otherOfficial) = await CityAsync();
        var id = await RecordAsync(city, official);
        var ours = await app.PublishCommitmentAsync(official, city: city);
        var theirs = await app.PublishCommitmentAsync(otherOfficial, city: other);

        await app.PostAsync($"{Url(city)}/{id}/commitments", new { commitmentId = ours }, official, 422); // not answered yet: not supported
        await app.PostAsync($"{Url(city)}/{id}/response", new { response = "supported" }, official, 200);
        var before = await EventsOfAsync(city);
        var refused = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { commitmentId = theirs }).ToUrl($"{Url(city)}/{id}/commitments");
            x.As(official);
            x.StatusCodeShouldBe(422);
        });
        await ProblemAssert.NamesAsync(refused, 422, "commitmentId");
        Assert.Equal(before, await EventsOfAsync(city));

        await app.PostAsync($"{Url(city)}/{id}/commitments", new { commitmentId = ours }, official, 200);
        await app.PostAsync($"{Url(city)}/{id}/commitments", new { commitmentId = ours }, official, 200); // a repeat changes nothing
        var followedUp = await app.PostAsync($"{Url(city)}/{id}/follow-ups",
            new { text = "Forty flats bought for rough sleepers.", date = CommitmentApi.InDays(0), status = "inProgress" }, official, 200);
        var linked = Assert.Single(followedUp.GetProperty("commitments").EnumerateArray());
        Assert.Equal((ours, "onTrack"), (linked.GetProperty("id").GetGuid(), linked.GetProperty("status").GetString()));
        Assert.Equal("inProgress", Assert.Single(followedUp.GetProperty("followUps").EnumerateArray()).GetProperty("status").GetString());

        // The other city's id of this recommendation does not exist.
        var (status, _) = await app.GetAsync($"{Url(other)}/{id}");
        Assert.Equal(404, status);
        await app.PostAsync($"{Url(other)}/{id}/response", new { response = "supported" }, otherOfficial, 404);
    }

    [Fact]
    public async Task The_annual_report_aligns_each_recommendation_with_its_commitments_and_the_indicators_on_its_rights()
    {
        var (city, official) = await CityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2020", 80, 95, 2030); // housing
        await app.RecordAsync(city, official, "IND-013", new { period = "2025", value = 78 });
        var housing = await RecordAsync(city, official);
        await RecordAsync(city, official, Body("crpd", ["disability-inclusion"], [], "49"));
        await app.PostAsync($"{Url(city)}/{housing}/response", new { response = "supported" }, official, 200);
        var commitment = await app.PublishCommitmentAsync(official, city: city);
        await app.PostAsync($"{Url(city)}/{housing}/commitments", new { commitmentId = commitment }, official, 200);

        var (status, report) = await app.GetAsync($"/api/cities/{city}/reports/{DateTimeOffset.UtcNow.Year}");
        Assert.Equal(200, status);
        var section = report.GetProperty("unRecommendations");
        Assert.Equal((2, 1, 0, 1), (section.GetProperty("recorded").GetInt32(), section.GetProperty("supported").GetInt32(),
            section.GetProperty("noted").GetInt32(), section.GetProperty("unanswered").GetInt32()));
        var row = section.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == housing);
        Assert.Equal("supported", row.GetProperty("response").GetString());
        Assert.Equal(commitment, Assert.Single(row.GetProperty("commitments").EnumerateArray()).GetProperty("id").GetGuid());
        var indicator = Assert.Single(row.GetProperty("indicators").EnumerateArray());
        Assert.Equal(("IND-013", "2025"), (indicator.GetProperty("code").GetString(), indicator.GetProperty("latest").GetProperty("period").GetString()));
        Assert.Equal(0, section.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() != housing)
            .GetProperty("indicators").GetArrayLength());

        // The report page shows the same section right after the policy environment.
        var page = await (await app.Host.Scenario(x => { x.Get.Url($"/cities/{city}/reports/{DateTimeOffset.UtcNow.Year}"); x.StatusCodeShouldBeOk(); })).ReadAsTextAsync();
        var section3 = page.IndexOf("3. Policy and enabling environment</h2>", StringComparison.Ordinal);
        var un = page.IndexOf("UN recommendations and the city's response</h2>", StringComparison.Ordinal);
        var section4 = page.IndexOf("4. Progress on goals and targets</h2>", StringComparison.Ordinal);
        Assert.True(section3 > 0 && un > section3 && section4 > un, "the UN section sits between sections 3 and 4");
        Assert.Contains("End street homelessness by 2030.", page[un..section4]);

        // Last year's report was written before any of them.
        var (_, earlier) = await app.GetAsync($"/api/cities/{city}/reports/{DateTimeOffset.UtcNow.Year - 1}");
        Assert.Equal(0, earlier.GetProperty("unRecommendations").GetProperty("recorded").GetInt32());
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_it()
    {
        var (city, _) = await CityAsync();
        foreach (var (query, field) in new[] { ("source=unesco", "source"), ("right=flying", "right"), ("response=maybe", "response"), ("pageSize=1000", "pageSize") })
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Get.Url($"{Url(city)}?{query}");
                x.StatusCodeShouldBe(400);
            });
            await ProblemAssert.NamesAsync(result, 400, field);
        }
    }
}
