
namespace Platform.Tests.Assessments;

/// <summary>A whole cycle through the API: self-assessment, peer review, answers, follow-up, recognition, coverage.</summary>
[Collection(IntegrationCollection.Name)]
public class AssessmentCycleTests(AppFixture app)
{
    [Fact]
    public async Task A_cycle_runs_from_start_to_recognition_and_shows_on_the_profile_and_the_benchmark()
    {
        var city = await app.NewCityAsync();
        var reviewerCity = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var reviewer = await app.AccountAsync(reviewerCity, CityRole.Official);
        var admin = await app.NetworkAdministratorAsync();
        var url = AssessmentApi.AssessmentUrl(city, "2026");

        var started = await app.StartAssessmentAsync(city, official);
        Assert.Equal("draft", started.GetProperty("stage").GetString());
        Assert.Equal(AssessmentApi.AllItems.Length, started.GetProperty("missingItems").GetArrayLength());

        foreach (var item in AssessmentApi.AllItems) await app.AssessAsync(city, official, item, AssessmentApi.AdvancedLevel(item));
        var reassessed = await app.AssessAsync(city, official, "C2", "inPlaceAndEvaluated", evidence: ["https://example.org/budget-2026.pdf", "http://example.org/b"]);
        var c2 = Item(reassessed, "C2");
        Assert.Equal("inPlaceAndEvaluated", c2.GetProperty("level").GetString());
        Assert.Equal(2, c2.GetProperty("evidence").GetArrayLength());
        Assert.Equal("tools", c2.GetProperty("section").GetString());

        var submitted = await app.PostAsync($"{url}/submit", null, official, 200);
        Assert.Equal("submitted", submitted.GetProperty("stage").GetString());
        Assert.Equal(0, submitted.GetProperty("missingItems").GetArrayLength());

        var assigned = await app.AssignReviewerAsync(city, admin, reviewerCity);
        Assert.Equal(reviewerCity, assigned.GetProperty("review").GetProperty("reviewerCity").GetString());

        await app.PostAsync($"{url}/review/findings", new { item = "B4", finding = "The council meets rarely." }, reviewer, 200);
        await app.PostAsync($"{url}/review/findings", new { item = "B4", finding = "The council meets twice a year." }, reviewer, 200);
        var supported = await app.RecommendAsync(city, reviewer, "B4", rights: ["participation", "non-discrimination"]);
        var noted = await app.RecommendAsync(city, reviewer, "C6");

        // While the review is in progress, only the reviewers see its content.
        var (_, publicDraft) = await app.GetAsync(url);
        Assert.Equal(0, publicDraft.GetProperty("review").GetProperty("recommendations").GetArrayLength());
        var (_, reviewerDraft) = await app.GetAsync(url, reviewer);
        Assert.Equal(2, reviewerDraft.GetProperty("review").GetProperty("recommendations").GetArrayLength());

        var (_, reviewsGiven) = await app.GetAsync($"/api/cities/{reviewerCity}/peer-reviews");
        var given = Assert.Single(reviewsGiven.EnumerateArray());
        Assert.Equal((city, "2026", "underReview"), (given.GetProperty("city").GetString(), given.GetProperty("cycle").GetString(),
            given.GetProperty("stage").GetString()));

        var reviewed = await app.PostAsync($"{url}/review/submit", null, reviewer, 200);
        Assert.Equal("reviewed", reviewed.GetProperty("stage").GetString());
        var findings = reviewed.GetProperty("review").GetProperty("findings");
        Assert.Equal("The council meets twice a year.", Assert.Single(findings.EnumerateArray()).GetProperty("finding").GetString());

        await app.PostAsync($"{url}/recommendations/{supported}/response", new { response = "supported", note = "Agreed." }, official, 200);
        await app.PostAsync($"{url}/recommendations/{noted}/response", new { response = "noted", note = "Procurement is regional." }, official, 200);
        var commitment = Guid.CreateVersion7();
        await app.PostAsync($"{url}/recommendations/{supported}/commitment", new { commitmentId = commitment }, official, 200);
        var followedUp = await app.PostAsync($"{url}/recommendations/{supported}/follow-ups",
            new { text = "The council now meets quarterly.", date = DateTime.UtcNow.ToString("yyyy-MM-dd"), status = "implemented" }, official, 200);
        var recommendation = Recommendation(followedUp, supported);
        Assert.Equal("supported", recommendation.GetProperty("response").GetString());
        Assert.Equal(commitment, recommendation.GetProperty("commitmentId").GetGuid());
        Assert.Equal("implemented", Assert.Single(recommendation.GetProperty("followUps").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("Procurement is regional.", Recommendation(followedUp, noted).GetProperty("responseNote").GetString());

        await app.PostAsync($"{url}/recognition", new { level = "recognised" }, admin, 200);
        var awarded = await app.PostAsync($"{url}/recognition", new { level = "advanced" }, admin, 200);
        Assert.Equal(2, awarded.GetProperty("recognitions").GetArrayLength());

        var (status, profile) = await app.GetAsync($"/api/cities/{city}/recognition");
        Assert.Equal(200, status);
        var current = profile.GetProperty("current");
        Assert.Equal(("advanced", "2026", reviewerCity), (current.GetProperty("level").GetString(), current.GetProperty("cycle").GetString(),
            current.GetProperty("reviewerCity").GetString()));
        Assert.True(current.GetProperty("awardedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        var (_, coverage) = await app.GetAsync("/api/network/framework-coverage");
        var mine = coverage.EnumerateArray().Single(c => c.GetProperty("city").GetString() == city);
        Assert.Equal("2026", mine.GetProperty("cycle").GetString());
        var foundations = mine.GetProperty("sections").GetProperty("foundations");
        Assert.Equal((5, 5, 5), (foundations.GetProperty("items").GetInt32(), foundations.GetProperty("inPlace").GetInt32(),
            foundations.GetProperty("levels").GetProperty("inPlaceAndEvaluated").GetInt32()));
        var tools = mine.GetProperty("sections").GetProperty("tools").GetProperty("levels");
        Assert.Equal((9, 1), (tools.GetProperty("inPlace").GetInt32(), tools.GetProperty("inPlaceAndEvaluated").GetInt32()));
        var other = coverage.EnumerateArray().Single(c => c.GetProperty("city").GetString() == reviewerCity);
        Assert.Equal(JsonValueKind.Null, other.GetProperty("cycle").ValueKind);
    }

    [Fact]
    public async Task Recognition_is_refused_naming_every_unmet_rule_and_stores_nothing()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var admin = await app.NetworkAdministratorAsync();
        await app.SubmittedAssessmentAsync(city, official, AssessmentApi.WeakLevel);
        var before = await app.EventCountAsync();

        var problem = await app.PostAsync($"{AssessmentApi.AssessmentUrl(city, "2026")}/recognition", new { level = "advanced" }, admin, 422);

        Assert.Equal("all-foundations-in-place", problem.GetProperty("code").GetString());
        var rules = problem.GetProperty("errors").GetProperty("rules").EnumerateArray().Select(r => r.GetString()!).ToArray();
        Assert.Equal(4, rules.Length); // foundations, structures, monitoring cycle, tools (no recommendations to follow up)
        Assert.Contains(rules, r => r.Contains("A1") && r.Contains("A5"));
        Assert.Contains(rules, r => r.Contains("peer review"));
        Assert.Equal(before, await app.EventCountAsync());
        var (_, profile) = await app.GetAsync($"/api/cities/{city}/recognition");
        Assert.Equal(JsonValueKind.Null, profile.GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Advanced_needs_every_supported_recommendation_followed_up()
    {
        var city = await app.NewCityAsync();
        var reviewerCity = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var reviewer = await app.AccountAsync(reviewerCity, CityRole.Official);
        var admin = await app.NetworkAdministratorAsync();
        var url = AssessmentApi.AssessmentUrl(city, "2026");
        var ids = await app.ReviewedAssessmentAsync(city, official, reviewerCity, reviewer, AssessmentApi.AdvancedLevel);
        await app.PostAsync($"{url}/recommendations/{ids[0]}/response", new { response = "supported" }, official, 200);

        var problem = await app.PostAsync($"{url}/recognition", new { level = "advanced" }, admin, 422);
        Assert.Equal("supported-recommendations-followed-up", problem.GetProperty("code").GetString());
        await app.PostAsync($"{url}/recognition", new { level = "recognised" }, admin, 200);
        var again = await app.PostAsync($"{url}/recognition", new { level = "recognised" }, admin, 409);
        Assert.Equal("recognition-already-awarded", again.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Submitting_needs_every_item_and_lists_those_missing()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        await app.StartAssessmentAsync(city, official);
        foreach (var item in AssessmentApi.AllItems.Where(i => i is not ("A3" or "C9")))
            await app.AssessAsync(city, official, item, "planned");
        var before = await app.EventCountAsync();

        var problem = await app.PostAsync($"{AssessmentApi.AssessmentUrl(city, "2026")}/submit", null, official, 422);

        Assert.Equal("assessment-incomplete", problem.GetProperty("code").GetString());
        var missing = problem.GetProperty("errors").GetProperty("items").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal<string>(["A3 is not assessed yet.", "C9 is not assessed yet."], missing);
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_city_has_one_open_cycle_at_a_time_and_each_cycle_once()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        await app.StartAssessmentAsync(city, official, "2025");
        var open = await app.PostAsync($"/api/cities/{city}/assessments", new { cycle = "2026" }, official, 409);
        Assert.Equal("open-cycle-exists", open.GetProperty("code").GetString());
        var same = await app.PostAsync($"/api/cities/{city}/assessments", new { cycle = " 2025 " }, official, 409);
        Assert.Equal("cycle-exists", same.GetProperty("code").GetString());

        foreach (var item in AssessmentApi.AllItems) await app.AssessAsync(city, official, item, "planned", "2025");
        await app.PostAsync($"{AssessmentApi.AssessmentUrl(city, "2025")}/submit", null, official, 200);
        await app.StartAssessmentAsync(city, official, "2026");

        var (_, list) = await app.GetAsync($"/api/cities/{city}/assessments", official);
        Assert.Equal<string>(["2026", "2025"], list.EnumerateArray().Select(a => a.GetProperty("cycle").GetString()!).ToArray());
        var (_, publicList) = await app.GetAsync($"/api/cities/{city}/assessments");
        Assert.Equal<string>(["2025"], publicList.EnumerateArray().Select(a => a.GetProperty("cycle").GetString()!).ToArray());
    }

    [Fact]
    public async Task A_draft_is_visible_only_to_the_citys_officials_and_public_once_submitted()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var resident = await app.AccountAsync(city, CityRole.Resident);
        var otherOfficial = await app.AccountAsync(await app.NewCityAsync(), CityRole.Official);
        var admin = await app.NetworkAdministratorAsync();
        await app.StartAssessmentAsync(city, official);
        var url = AssessmentApi.AssessmentUrl(city, "2026");

        Assert.Equal(200, (await app.GetAsync(url, official)).Status);
        foreach (var other in new Actor?[] { null, resident, otherOfficial, admin })
        {
            var (status, body) = await app.GetAsync(url, other);
            Assert.Equal(404, status);
            Assert.Equal("assessment-not-found", body.GetProperty("code").GetString());
        }
        // A write by someone who cannot see the draft does not reveal it either.
        var hidden = await app.PostAsync($"{url}/reviewer", new { reviewerCity = "york" }, admin, 404);
        Assert.Equal("assessment-not-found", hidden.GetProperty("code").GetString());

        foreach (var item in AssessmentApi.AllItems) await app.AssessAsync(city, official, item, "inPlace");
        await app.PostAsync($"{url}/submit", null, official, 200);
        Assert.Equal(200, (await app.GetAsync(url)).Status);
        Assert.Equal(200, (await app.GetAsync(url, otherOfficial)).Status);
    }

    private static JsonElement Item(JsonElement assessment, string code) =>
        assessment.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("item").GetString() == code);

    private static JsonElement Recommendation(JsonElement assessment, Guid id) =>
        assessment.GetProperty("review").GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
}
