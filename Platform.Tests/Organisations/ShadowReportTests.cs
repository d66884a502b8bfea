namespace Platform.Tests.Organisations;

/// <summary>
/// Shadow reports through the API and pages against real PostgreSQL: published by a verified organisation's members,
/// attached to the year's annual report (JSON and page), corrected in new versions that keep the earlier ones, beyond
/// the council's reach, hidden only by moderators with a public reason.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class ShadowReportTests(AppFixture app)
{
    private static int LastYear => DateTimeOffset.UtcNow.Year - 1;

    [Fact]
    public async Task A_published_shadow_report_is_attached_to_the_years_annual_report_in_its_json_and_on_its_page()
    {
        var city = await app.NewCityAsync();
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        var id = await app.PublishShadowReportAsync(city, organisation, member, LastYear);

        var report = (await app.GetAsync($"/api/cities/{city}/reports/{LastYear}")).Body;
        var shadow = Assert.Single(report.GetProperty("shadowReports").GetProperty("reports").EnumerateArray());
        Assert.Equal((id, "York Disability Forum", "Housing is not getting better", 1),
            (shadow.GetProperty("id").GetGuid(), shadow.GetProperty("organisation").GetString(), shadow.GetProperty("title").GetString(), shadow.GetProperty("versions").GetInt32()));
        Assert.Equal($"/cities/{city}/reports/{LastYear}/shadow/{id}", shadow.GetProperty("page").GetString());
        Assert.Empty((await app.GetAsync($"/api/cities/{city}/reports/{LastYear - 1}")).Body.GetProperty("shadowReports").GetProperty("reports").EnumerateArray());

        var annual = await app.GetTextAsync($"/cities/{city}/reports/{LastYear}");
        Assert.Contains("Shadow reports by civil society and independent bodies", annual);
        Assert.Contains($"href=\"/cities/{city}/reports/{LastYear}/shadow/{id}\"", annual);
        Assert.True(annual.IndexOf("id=\"shadow-reports\"", StringComparison.Ordinal) < annual.IndexOf("id=\"annex\"", StringComparison.Ordinal),
            "the shadow reports come before the statistical annex");

        var page = await app.GetTextAsync($"/cities/{city}/reports/{LastYear}/shadow/{id}");
        Assert.Contains("Housing is not getting better", page);
        Assert.Contains("our members were never asked", page);
        Assert.Contains("the council can neither edit nor hide them", page);
    }

    [Fact]
    public async Task A_correction_is_a_new_version_and_every_earlier_version_stays_visible()
    {
        var city = await app.NewCityAsync();
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        var id = await app.PublishShadowReportAsync(city, organisation, member, LastYear);
        var url = $"/api/cities/{city}/reports/{LastYear}/shadow/{id}";

        var corrected = await app.PostAsync($"{url}/versions", new
        {
            note = "The council's figures of December added.",
            title = "Housing is still not getting better",
            indicators = "Overcrowding rose three years running.",
        }, member, 200);

        var versions = corrected.GetProperty("versions").EnumerateArray().ToList();
        Assert.Equal([1, 2], versions.Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("Housing is not getting better", versions[0].GetProperty("text").GetProperty("title").GetString());
        Assert.Equal("Housing is still not getting better", corrected.GetProperty("current").GetProperty("text").GetProperty("title").GetString());
        Assert.Equal("The council's figures of December added.", corrected.GetProperty("current").GetProperty("note").GetString());
        var page = await app.GetTextAsync($"/cities/{city}/reports/{LastYear}/shadow/{id}");
        Assert.Contains("Earlier versions", page);
        Assert.Contains("Overcrowding rose two years running.", page);
        Assert.Contains("Overcrowding rose three years running.", page);
        Assert.Equal(2, (await app.GetAsync($"/api/cities/{city}/reports/{LastYear}")).Body.GetProperty("shadowReports").GetProperty("reports")[0]
            .GetProperty("versions").GetInt32());
    }

    [Fact]
    public async Task Officials_cannot_edit_hide_or_delete_a_shadow_report_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        var id = await app.PublishShadowReportAsync(city, organisation, member, LastYear);
        var url = $"/api/cities/{city}/reports/{LastYear}/shadow/{id}";
        var official = await app.AccountAsync(city, CityRole.Official);
        var before = await app.EventCountAsync();

        await app.PostAsync($"{url}/versions", new { title = "All is well", indicators = "Nothing to add." }, official, 403);
        await app.PostAsync($"{url}/hiding", new { reason = "We disagree." }, official, 403);
        await app.PostAsync($"{url}/restoration", new { reason = "x" }, official, 403);
        var deleted = await app.Host.Scenario(x => { x.Delete.Url(url); x.As(official); x.IgnoreStatusCode(); });
        var replaced = await app.Host.Scenario(x => { x.Put.Json(new { title = "All is well" }).ToUrl(url); x.As(official); x.IgnoreStatusCode(); });
        Assert.Contains(deleted.Context.Response.StatusCode, new[] { 404, 405 });
        Assert.Contains(replaced.Context.Response.StatusCode, new[] { 404, 405 });
        Assert.Equal(before, await app.EventCountAsync());
        // Nor can the council suspend the organisation out of the report: the report stays on the annual report.
        await app.PostAsync($"/api/cities/{city}/organisations/{organisation}/suspension", new { reason = "Critical of us." }, official, 200);
        before = await app.EventCountAsync();
        Assert.Equal("Housing is not getting better", (await app.GetAsync(url)).Body.GetProperty("current").GetProperty("text").GetProperty("title").GetString());
        Assert.Single((await app.GetAsync($"/api/cities/{city}/reports/{LastYear}")).Body.GetProperty("shadowReports").GetProperty("reports").EnumerateArray());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_moderator_hides_a_shadow_report_with_a_public_reason_and_restores_it()
    {
        var city = await app.NewCityAsync();
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        var id = await app.PublishShadowReportAsync(city, organisation, member, LastYear);
        var url = $"/api/cities/{city}/reports/{LastYear}/shadow/{id}";
        var moderator = await app.AccountAsync(city, CityRole.Moderator);

        await app.PostAsync($"{url}/hiding", new { reason = "It names a private person." }, moderator, 200);
        var seen = (await app.GetAsync(url)).Body;
        Assert.True(seen.GetProperty("hidden").GetBoolean());
        Assert.Equal("It names a private person.", seen.GetProperty("hiddenReason").GetString());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("current").ValueKind);
        Assert.Empty(seen.GetProperty("versions").EnumerateArray());
        Assert.Equal("Housing is not getting better", (await app.GetAsync(url, member)).Body.GetProperty("current").GetProperty("text").GetProperty("title").GetString());
        var listed = (await app.GetAsync($"/api/cities/{city}/reports/{LastYear}")).Body.GetProperty("shadowReports").GetProperty("reports")[0];
        Assert.Equal((JsonValueKind.Null, "It names a private person."), (listed.GetProperty("title").ValueKind, listed.GetProperty("hiddenReason").GetString()));
        Assert.DoesNotContain("our members were never asked", await app.GetTextAsync($"/cities/{city}/reports/{LastYear}/shadow/{id}"));
        Assert.Contains("It names a private person.", await app.GetTextAsync($"/cities/{city}/reports/{LastYear}"));

        await app.PostAsync($"{url}/restoration", new { reason = "The name is gone." }, moderator, 200);
        Assert.False((await app.GetAsync(url)).Body.GetProperty("hidden").GetBoolean());
    }

    [Fact]
    public async Task An_unverified_organisation_or_a_non_member_cannot_publish_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var (pending, founder) = await app.RegisterOrganisationAsync(city);
        var (verified, member) = await app.VerifiedOrganisationAsync(city);
        var before = await app.EventCountAsync();
        await app.PostAsync($"/api/cities/{city}/organisations/{pending}/shadow-reports", OrganisationApi.ShadowBody(LastYear), founder, 403);
        await app.PostAsync($"/api/cities/{city}/organisations/{verified}/shadow-reports", OrganisationApi.ShadowBody(LastYear), await app.AccountAsync(city, CityRole.Official), 403);
        await app.PostAsync($"/api/cities/{city}/organisations/{verified}/shadow-reports", OrganisationApi.ShadowBody(LastYear), await app.ResidentAsync(city), 403);
        // A member of this city's verified organisation, in another city's route: no role there.
        var other = await app.NewCityAsync();
        await app.PostAsync($"/api/cities/{other}/organisations/{verified}/shadow-reports", OrganisationApi.ShadowBody(LastYear), member, 403);
        Assert.Equal(before, await app.EventCountAsync());
    }

    public static TheoryData<string, int, string> RefusedShadowReports => new()
    {
        { """{"title":"t","indicators":"i"}""", 400, "year" },
        { """{"year":1999,"title":"t","indicators":"i"}""", 400, "year" },
        { """{"year":3000,"title":"t","indicators":"i"}""", 400, "year" },
        { """{"year":"last","title":"t","indicators":"i"}""", 400, "$.year" },
        { $$"""{"year":{{LastYear}},"indicators":"i"}""", 400, "title" },
        { $$"""{"year":{{LastYear}},"title":"t"}""", 400, "indicators" },
        { $$"""{"year":{{LastYear}},"title":"t","assessment":"{{new string('a', 20_001)}}"}""", 400, "assessment" },
        { $$"""{"year":{{LastYear}},"title":"t","indicators":"i","indicatorCodes":["NOT-HERE"]}""", 400, "indicatorCodes[0]" },
        { $$"""{"year":{{LastYear}},"title":"t","indicators":"i","commitmentIds":["0193a000-0000-7000-8000-000000000001"]}""", 400, "commitmentIds[0]" },
        { $$"""{"year":{{LastYear}},"title":"t","indicators":"i","commitmentIds":["not-a-guid"]}""", 400, "$.commitmentIds" },
        { "[]", 400, "$" },
    };

    [Theory, MemberData(nameof(RefusedShadowReports))]
    public async Task A_refused_shadow_report_is_a_problem_naming_the_field_and_stores_nothing(string body, int status, string field)
    {
        var (organisation, member) = await app.VerifiedOrganisationAsync("york");
        var before = await app.EventCountAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text(body).ToUrl($"/api/cities/york/organisations/{organisation}/shadow-reports");
            x.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
            x.As(member);
            x.StatusCodeShouldBe(status);
        });
        await ProblemAssert.NamesAsync(result, status, field);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_shadow_report_links_only_to_its_citys_own_indicators_and_commitments_and_a_wrong_year_in_the_route_is_not_found()
    {
        var city = await app.NewCityAsync();
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        var official = await app.AccountAsync(city, CityRole.Official);
        var commitment = await app.PublishCommitmentAsync(official, city: city);
        var elsewhere = await app.PublishCommitmentAsync(await app.AccountAsync("york", CityRole.Official), city: "york");
        var before = await app.EventCountAsync();
        var body = new { year = LastYear, title = "t", commitments = "c", commitmentIds = new[] { commitment, elsewhere } };
        var refused = await app.PostAsync($"/api/cities/{city}/organisations/{organisation}/shadow-reports", body, member, 400);
        Assert.True(refused.GetProperty("errors").TryGetProperty("commitmentIds[1]", out _));
        Assert.Equal(before, await app.EventCountAsync());

        var id = await app.PublishShadowReportAsync(city, organisation, member, LastYear, body with { commitmentIds = new[] { commitment } });
        Assert.Equal(404, (await app.GetAsync($"/api/cities/{city}/reports/{LastYear - 1}/shadow/{id}")).Status);
        Assert.Equal(404, (await app.GetAsync($"/api/cities/york/reports/{LastYear}/shadow/{id}")).Status);
        await app.PostAsync($"/api/cities/{city}/reports/{LastYear - 1}/shadow/{id}/versions", new { title = "t", indicators = "i" }, member, 404);
    }
}
