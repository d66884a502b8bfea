using Platform.Api.Reports;

namespace Platform.Tests.Reports;

/// <summary>The annual city monitoring report: JSON in the Voluntary Local Review sections, and the same as a printable page.</summary>
[Collection(IntegrationCollection.Name)]
public class CityReportTests(AppFixture app)
{
    [Fact]
    public async Task The_report_holds_indicators_by_right_commitments_participation_and_peer_review_as_of_its_year()
    {
        var scene = await AssessmentScene.ArrangeAsync(app, "reviewed");
        var (city, official) = (scene.City, scene.Official);
        var year = DateTimeOffset.UtcNow.Year;
        await app.AdoptAsync(city, official, "IND-013", "2020", 80, 95, 2030);   // housing, %
        await app.RecordAsync(city, official, "IND-013", new { period = "2023", value = 83 });
        await app.RecordAsync(city, official, "IND-013", new { period = "2025", value = 78 });
        await app.AdoptAsync(city, official, "IND-064", "2020", 100, null, null); // non-discrimination, count
        await app.RecordAsync(city, official, "IND-064", new { period = "2024", value = 80 });
        var commitment = await app.PublishCommitmentAsync(official, city: city);
        await app.RaiseAsync(city);
        await app.RaiseAsync(city);

        // The scorecard (figures to date) and the computed complaint figures are async views: wait for the daemon to
        // count both concerns in each.
        var report = await JsonAsync($"/api/cities/{city}/reports/{year}");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while ((ToDateRaised(report) != 2 || Received(report) != 2) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(250);
            report = await JsonAsync($"/api/cities/{city}/reports/{year}");
        }
        Assert.Equal(2, ToDateRaised(report));
        Assert.Equal(2, Received(report));
        Assert.Equal(year, report.GetProperty("year").GetInt32());
        Assert.Equal(5, report.GetProperty("introduction").GetProperty("indicatorsAdopted").GetInt32()); // two adopted, three computed from concerns
        Assert.Equal(20, report.GetProperty("introduction").GetProperty("coreRequired").GetInt32());
        Assert.Equal(2, report.GetProperty("introduction").GetProperty("coreAdopted").GetInt32());

        var rights = report.GetProperty("progress").EnumerateArray().ToList();
        Assert.Equal(["housing", "justice-remedy", "non-discrimination"], rights.Select(r => r.GetProperty("right").GetString()));
        var housing = rights[0].GetProperty("indicators")[0];
        Assert.Equal("IND-013", housing.GetProperty("code").GetString());
        Assert.Equal("2025", housing.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal("deterioration", housing.GetProperty("status").GetString());
        Assert.Equal("onTrack", rights[2].GetProperty("indicators")[0].GetProperty("status").GetString());

        var participation = report.GetProperty("methodology").GetProperty("participation");
        Assert.Equal(2, participation.GetProperty("concernsRaised").GetInt32());

        var means = report.GetProperty("meansOfImplementation");
        var listed = Assert.Single(means.GetProperty("commitments").EnumerateArray());
        Assert.Equal(commitment, listed.GetProperty("id").GetGuid());
        Assert.Equal("onTrack", listed.GetProperty("status").GetString());
        Assert.Equal(250000m, means.GetProperty("budget").GetDecimal());

        var policy = report.GetProperty("policyEnvironment");
        Assert.Equal(AssessmentScene.Cycle, policy.GetProperty("assessmentCycle").GetString());
        Assert.Equal(scene.ReviewerCity, policy.GetProperty("reviewerCity").GetString());
        var recommendations = policy.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Equal(3, recommendations.Count);
        Assert.Contains(recommendations, r => r.GetProperty("response").GetString() == "supported");
        Assert.True(policy.GetProperty("framework").GetProperty("foundations").GetProperty("items").GetInt32() > 0);

        var conclusions = report.GetProperty("conclusions");
        Assert.Equal(1, conclusions.GetProperty("statuses").GetProperty("deterioration").GetInt32());
        Assert.Contains(conclusions.GetProperty("nextSteps").EnumerateArray(), s => s.GetString()!.Contains("IND-013"));
        Assert.Contains(conclusions.GetProperty("nextSteps").EnumerateArray(), s => s.GetString()!.Contains("Answer 1 peer-review"));

        var annex = report.GetProperty("statisticalAnnex").EnumerateArray().First(a => a.GetProperty("code").GetString() == "IND-013");
        Assert.Equal("2020", annex.GetProperty("baseline").GetProperty("period").GetString());
        Assert.Equal(["2023", "2025"], annex.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("period").GetString()));
        Assert.Equal($"/api/cities/{city}/indicators/IND-013/data.csv", annex.GetProperty("dataCsv").GetString());

        // As of 2024: the 2025 value is left out, so housing is measured at 2023 and still moving the right way ((83/80)^⅓−1 is 71 % of the rate needed).
        var earlier = await JsonAsync($"/api/cities/{city}/reports/2024");
        var housing2024 = earlier.GetProperty("progress")[0].GetProperty("indicators")[0];
        Assert.Equal("2023", housing2024.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal("accelerationNeeded", housing2024.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_report_page_is_a_self_contained_printable_html_document_with_the_vlr_sections()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2020", 80, 95, 2030);
        var year = DateTimeOffset.UtcNow.Year;

        var result = await app.Host.Scenario(x => { x.Get.Url($"/cities/{city}/reports/{year}"); x.StatusCodeShouldBeOk(); });
        Assert.StartsWith("text/html", result.Context.Response.ContentType);
        var html = await result.ReadAsTextAsync();
        Assert.StartsWith("<!DOCTYPE html><html lang=\"en\">", html);
        foreach (var (_, title) in ReportPage.Sections) Assert.Contains($". {title}</h2>", html);
        Assert.Equal(["Introduction", "Methodology and participation", "Policy and enabling environment", "Progress on goals and targets",
            "Means of implementation", "Conclusions and next steps", "Statistical annex"], ReportPage.Sections.Select(s => s.Title));
        Assert.Contains("@media print", html);                       // the stylesheet is inlined with its print rules
        Assert.DoesNotContain("<link", html);                        // nothing fetched from elsewhere
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<main id=\"main\">", html);
        Assert.Contains("<caption>", html);

        await app.Host.Scenario(x => { x.Get.Url($"/cities/{city}/reports/1999"); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/reports/{year + 1}"); x.StatusCodeShouldBe(400); });
        await app.Host.Scenario(x => { x.Get.Url($"/cities/no-such-city/reports/{year}"); x.StatusCodeShouldBe(404); });
    }

    /// <summary>The computed count of concerns received (the platform's complaint indicator) as the report's year has it; 0 before the daemon counted any.</summary>
    private static decimal Received(JsonElement report) =>
        report.GetProperty("progress").EnumerateArray().SelectMany(r => r.GetProperty("indicators").EnumerateArray())
            .Where(i => i.GetProperty("code").GetString() == Platform.Domain.Monitoring.PlatformIndicators.Received)
            .Select(i => i.GetProperty("latest") is { ValueKind: JsonValueKind.Object } latest ? latest.GetProperty("value").GetDecimal() : 0)
            .FirstOrDefault();

    private static int ToDateRaised(JsonElement report) =>
        report.GetProperty("methodology").GetProperty("toDate") is { ValueKind: JsonValueKind.Object } card
            ? card.GetProperty("concerns").GetProperty("raised").GetInt32() : 0;

    private async Task<JsonElement> JsonAsync(string url)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBeOk(); });
        return Json.Parse(await result.ReadAsTextAsync());
    }
}
