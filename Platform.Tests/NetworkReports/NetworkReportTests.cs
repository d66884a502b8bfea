
namespace Platform.Tests.NetworkReports;

/// <summary>
/// The network's annual report: each active city's figures, the common indicators as of the year's end, the year's
/// practices and adoptions, and the common challenges, all computed from what two fresh cities record in the test.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class NetworkReportTests(AppFixture app)
{
    private static object Concern(params string[] rights) => new
    {
        title = $"Dry fountains {Guid.NewGuid():N}", description = "Since May.", rights, sdgTargets = Array.Empty<string>(), district = "Clifton",
    };

    [Fact]
    public async Task The_report_computes_each_citys_year_the_practices_and_the_common_challenges_from_their_records()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (adopter, adopterOfficial) = await app.PracticeCityAsync();
        var year = app.Clock.GetUtcNow().Year;
        await app.RaiseAsync(city, Concern("food-water", "health"));
        await app.RaiseAsync(city, Concern("food-water"));
        await app.RaiseAsync(adopter, Concern("food-water"));
        var commitment = await app.PublishCommitmentAsync(official, CommitmentApi.Body(rights: ["housing"]), city);
        await app.ActAsync(commitment, "abandonment", new { reason = "Merged into the city-wide programme." }, official, city: city);
        await app.AdoptAsync(city, official, "IND-013", "2020", 80, 95, 2030);
        await app.RecordAsync(city, official, "IND-013", new { period = "2023", value = 83 });
        await app.RecordAsync(city, official, "IND-013", new { period = "2025", value = 78 });
        var title = $"Night buses {Guid.NewGuid():N}";
        var practice = await app.PracticeAsync(city, official, PracticeApi.Body(title));
        await app.AdoptPracticeAsync(adopter, adopterOfficial, practice);

        var report = await app.GetJsonAsync($"/api/network/reports/{year}");
        Assert.Equal(year, report.GetProperty("year").GetInt32());
        var cities = report.GetProperty("cities").EnumerateArray().ToDictionary(c => c.GetProperty("city").GetString()!);
        var ours = cities[city];
        Assert.Equal((2, 1, 1, 0), (ours.GetProperty("concernsRaised").GetInt32(), ours.GetProperty("commitmentsPublished").GetInt32(),
            ours.GetProperty("practicesPublished").GetInt32(), ours.GetProperty("practicesAdopted").GetInt32()));
        var theirs = cities[adopter];
        Assert.Equal((1, 0, 0, 1), (theirs.GetProperty("concernsRaised").GetInt32(), theirs.GetProperty("commitmentsPublished").GetInt32(),
            theirs.GetProperty("practicesPublished").GetInt32(), theirs.GetProperty("practicesAdopted").GetInt32()));
        Assert.Equal(JsonValueKind.Null, ours.GetProperty("recognition").ValueKind);

        var listed = report.GetProperty("practices").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == practice);
        Assert.Equal([adopter], listed.GetProperty("adoptions").EnumerateArray().Select(a => a.GetProperty("city").GetString()));

        var challenges = report.GetProperty("challenges");
        var water = challenges.GetProperty("mostRaisedRights").EnumerateArray().Single(r => r.GetProperty("right").GetString() == "food-water").GetProperty("byCity");
        Assert.Equal((2, 1), (water.GetProperty(city).GetInt32(), water.GetProperty(adopter).GetInt32()));
        var health = challenges.GetProperty("mostRaisedRights").EnumerateArray().Single(r => r.GetProperty("right").GetString() == "health").GetProperty("byCity");
        Assert.Equal(1, health.GetProperty(city).GetInt32());
        Assert.False(health.TryGetProperty(adopter, out _));
        var housing = challenges.GetProperty("rightsWithBrokenCommitments").EnumerateArray().Single(r => r.GetProperty("right").GetString() == "housing");
        Assert.Equal(1, housing.GetProperty("byCity").GetProperty(city).GetInt32());
        var offTrack = challenges.GetProperty("indicatorsOffTrack").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "IND-013");
        Assert.Contains(city, offTrack.GetProperty("cities").EnumerateArray().Select(c => c.GetString()));

        var benchmark = report.GetProperty("benchmarks").EnumerateArray().Single(b => b.GetProperty("code").GetString() == "IND-013")
            .GetProperty("cities").EnumerateArray().Single(f => f.GetProperty("city").GetString() == city);
        Assert.Equal(("2025", 78d, "deterioration"), (benchmark.GetProperty("latest").GetProperty("period").GetString(),
            benchmark.GetProperty("latest").GetProperty("value").GetDouble(), benchmark.GetProperty("status").GetString()));

        var page = await app.GetTextAsync($"/network/reports/{year}");
        Assert.Contains(title, page);
        Assert.Contains($"/cities/{city}/scorecard", page);
    }

    [Fact]
    public async Task Practices_adopted_counts_only_standing_adoptions_of_practices_still_in_the_library()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (adopter, adopterOfficial) = await app.PracticeCityAsync();
        var year = app.Clock.GetUtcNow().Year;
        var standing = await app.PracticeAsync(city, official, PracticeApi.Body($"Night buses {Guid.NewGuid():N}"));
        var undone = await app.PracticeAsync(city, official, PracticeApi.Body($"Warm rooms {Guid.NewGuid():N}"));
        var withdrawn = await app.PracticeAsync(city, official, PracticeApi.Body($"Open schoolyards {Guid.NewGuid():N}"));
        foreach (var practice in new[] { standing, undone, withdrawn }) await app.AdoptPracticeAsync(adopter, adopterOfficial, practice);
        // The adopter takes its word back on one; the publisher withdraws another from the library.
        await app.SendAsync(HttpMethod.Delete, $"/api/cities/{adopter}/adopted-practices/{undone}", null, adopterOfficial, 200);
        await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices/{withdrawn}/withdrawal", new { reason = "Ended." }, official, 200);

        var report = await app.GetJsonAsync($"/api/network/reports/{year}");
        var theirs = report.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("city").GetString() == adopter);
        Assert.Equal(1, theirs.GetProperty("practicesAdopted").GetInt32());
        var listed = report.GetProperty("practices").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(standing, listed);
        Assert.DoesNotContain(withdrawn, listed);
    }

    [Fact]
    public async Task A_year_that_is_not_one_is_refused_naming_it_and_a_year_without_records_is_not_found()
    {
        var next = app.Clock.GetUtcNow().Year + 1;
        foreach (var year in new[] { "abc", "1999", next.ToString(), "99999999999" })
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Get.Url($"/api/network/reports/{year}");
                x.StatusCodeShouldBe(400);
            });
            await ProblemAssert.NamesAsync(result, 400, "year");
            await app.GetTextAsync($"/network/reports/{year}", status: 404);
        }
        var none = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/network/reports/2000");
            x.StatusCodeShouldBe(404);
        });
        await ProblemAssert.NamesAsync(none, 404, "report-not-found");
        await app.GetTextAsync("/network/reports/2000", status: 404);
    }
}
