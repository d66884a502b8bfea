namespace Platform.Tests.Assessments;

/// <summary>The candidate stage through the API: a declaration and a first cycle make a candidate; the network cannot award it.</summary>
[Collection(IntegrationCollection.Name)]
public class CandidateStageTests(AppFixture app)
{
    [Fact]
    public async Task A_city_that_declared_its_commitment_and_started_its_first_cycle_is_a_candidate_with_what_recognition_still_needs()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var recognition = $"/api/cities/{city}/recognition";

        var (_, none) = await app.GetAsync(recognition);
        Assert.Equal(("none", "recognised"), (none.GetProperty("stage").GetString(), none.GetProperty("nextLevel").GetString()));
        Assert.Equal(JsonValueKind.Null, none.GetProperty("assessedCycle").ValueKind);
        Assert.Equal(["all-foundations-in-place", "four-structures-in-place", "monitoring-cycle-completed"],
            none.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()));

        var decidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd");
        var declared = await app.PostAsync($"{recognition}/declaration", new { decidedOn, decisionUrl = "https://example.org/council/decision-17" }, official, 200);
        Assert.Equal("none", declared.GetProperty("stage").GetString()); // declared, but no cycle started yet
        Assert.Equal(decidedOn, declared.GetProperty("declaration").GetProperty("decidedOn").GetString());
        await app.PostAsync($"{recognition}/declaration", new { decidedOn, decisionUrl = "https://example.org/again" }, official, 409);

        var started = await app.StartAssessmentAsync(city, official);
        var (_, candidate) = await app.GetAsync(recognition);
        Assert.Equal("candidate", candidate.GetProperty("stage").GetString());
        Assert.Equal(started.GetProperty("startedAt").GetDateTimeOffset(), candidate.GetProperty("candidateSince").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("current").ValueKind);
        // The draft stays private: its levels are not what the page checks the rules against.
        Assert.Equal(JsonValueKind.Null, candidate.GetProperty("assessedCycle").ValueKind);

        foreach (var item in AssessmentApi.AllItems) await app.AssessAsync(city, official, item, AssessmentApi.AdvancedLevel(item));
        await app.PostAsync($"{AssessmentApi.AssessmentUrl(city, "2026")}/submit", null, official, 200);
        var (_, submitted) = await app.GetAsync(recognition);
        Assert.Equal("2026", submitted.GetProperty("assessedCycle").GetString());
        Assert.Equal(["monitoring-cycle-completed"], submitted.GetProperty("unmet").EnumerateArray().Select(u => u.GetProperty("code").GetString()));

        // Candidate is a stage, not a level: the network cannot award it.
        var admin = await app.NetworkAdministratorAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { level = "candidate" }).ToUrl($"{AssessmentApi.AssessmentUrl(city, "2026")}/recognition");
            x.As(admin);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, "level");
    }

    [Fact]
    public async Task A_declaration_needs_a_past_date_and_a_link_and_comes_from_an_official_of_the_city()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var stranger = await app.AccountAsync(other, CityRole.Official);
        var url = $"/api/cities/{city}/recognition/declaration";
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { decidedOn = today, decisionUrl = "ftp://example.org/d" }, "decisionUrl"),
                     (new { decisionUrl = "https://example.org/d" }, "decidedOn"),
                     (new { decidedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)).ToString("yyyy-MM-dd"), decisionUrl = "https://example.org/d" }, "decidedOn"),
                 })
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Post.Json(body).ToUrl(url);
                x.As(official);
                x.StatusCodeShouldBe(400);
            });
            await ProblemAssert.NamesAsync(result, 400, field);
        }
        await app.PostAsync(url, new { decidedOn = today, decisionUrl = "https://example.org/d" }, stranger, 403);
        var (_, recognition) = await app.GetAsync($"/api/cities/{city}/recognition");
        Assert.Equal(JsonValueKind.Null, recognition.GetProperty("declaration").ValueKind);
    }
}
