using Platform.Tests.Consultations;

namespace Platform.Tests.Monitoring;

/// <summary>
/// Residents' perception surveys feed indicators: a consultation question linked to an adopted indicator becomes a
/// "community" value of its series when the consultation closes by its scheduled message, beside the official value.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class PerceptionSurveyTests(AppFixture app)
{
    [Fact]
    public async Task A_closed_consultation_records_community_values_beside_official_data()
    {
        var (city, official) = await app.MonitoringCityAsync();
        var year = DateTimeOffset.UtcNow.Year.ToString();
        await app.AdoptAsync(city, official, "IND-072", "2020", 60, 80, 2030);   // feel safe walking alone (%, increase)
        await app.AdoptAsync(city, official, "IND-063", "2020", 20, 10, 2030);   // felt discriminated against (%, decrease)
        await app.RecordAsync(city, official, "IND-072", new { period = year, value = 66.5 });

        // Scale answers 5, 4, 2, 1, 5, 2 (three of six favourable); "Yes" from one of the five who answered it.
        var answers = new (int Safe, string? Felt)[] { (5, "Yes"), (4, "No"), (2, "No"), (1, null), (5, "No"), (2, "No") };
        var residents = new List<Actor>();
        foreach (var _ in answers) residents.Add(await app.ResidentAsync(city)); // before the window opens: it is short
        var closesAt = DateTimeOffset.UtcNow.AddSeconds(8);
        var id = await OpenAsync(city, official, closesAt, new object[]
        {
            new { id = "safe", text = "I feel safe walking alone after dark.", kind = "scale", options = Array.Empty<string>(), indicatorCode = "IND-072" },
            new { id = "felt", text = "Have you felt discriminated against this year?", kind = "singleChoice", options = new[] { "Yes", "No" }, indicatorCode = "IND-063" },
            new { id = "lonely", text = "Do you feel lonely?", kind = "singleChoice", options = new[] { "Yes", "No" }, indicatorCode = "IND-069" }, // not adopted
        });
        foreach (var ((safe, felt), resident) in answers.Zip(residents))
        {
            var list = new List<object> { new { questionId = "safe", scale = safe } };
            if (felt is not null) list.Add(new { questionId = "felt", choices = new[] { felt } });
            await app.RespondAsync(id, resident, new { answers = list }, city: city);
        }

        await ClosingConsultationsTests.WaitUntilClosedAsync(app, id, city);

        var safeSeries = await SeriesAsync(city, "IND-072");
        var values = safeSeries.GetProperty("values").EnumerateArray().Where(v => v.GetProperty("period").GetString() == year).ToList();
        Assert.Equal(2, values.Count);
        var community = values.Single(v => v.GetProperty("source").GetString() == "community");
        Assert.Equal(50.0, community.GetProperty("value").GetDouble());
        Assert.Contains(id.ToString(), community.GetProperty("methodNote").GetString());
        Assert.Equal(66.5, values.Single(v => v.GetProperty("source").GetString() != "community").GetProperty("value").GetDouble());
        // The official value drives the status; the community value is shown beside it.
        Assert.Equal(66.5, safeSeries.GetProperty("series").GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal(50.0, safeSeries.GetProperty("series").GetProperty("community").GetProperty("value").GetDouble());

        var feltSeries = await SeriesAsync(city, "IND-063");
        var feltValue = feltSeries.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("source").GetString() == "community");
        Assert.Equal(20.0, feltValue.GetProperty("value").GetDouble());
        Assert.Equal(year, feltValue.GetProperty("period").GetString());

        // The export tells community rows apart in the Series column.
        var csv = await app.Host.Scenario(x => x.Get.Url($"/api/cities/{city}/indicators/IND-072/data.csv"));
        Assert.Contains($"{year},%,community,50", (await csv.ReadAsTextAsync()).Replace("\r", ""));

        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/indicators/IND-069"); x.StatusCodeShouldBe(404); });
    }

    private async Task<Guid> OpenAsync(string city, Actor official, DateTimeOffset closesAt, object[] questions)
    {
        var id = await app.DraftConsultationAsync(official, city);
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { closesAt, questions }).ToUrl($"/api/cities/{city}/consultations/{id}/open");
            x.As(official);
            x.StatusCodeShouldBeOk();
        });
        return id;
    }

    private async Task<JsonElement> SeriesAsync(string city, string code)
    {
        var result = await app.Host.Scenario(x => x.Get.Url($"/api/cities/{city}/indicators/{code}"));
        return Json.Parse(await result.ReadAsTextAsync());
    }
}
