
namespace Platform.Tests.Consultations;

/// <summary>Officials draft, open and conclude consultations; nobody else can.</summary>
[Collection(IntegrationCollection.Name)]
public class RunningConsultationsTests(AppFixture app)
{
    [Fact]
    public async Task An_official_drafts_then_opens_a_consultation_with_its_questions()
    {
        var official = await app.OfficialAsync();
        var closesAt = DateTimeOffset.UtcNow.AddDays(10);
        var id = await app.OpenConsultationAsync(official, closesAt: closesAt);

        var consultation = await app.GetConsultationAsync(id);
        Assert.Equal("open", consultation.GetProperty("status").GetString());
        Assert.Equal("Getting around Tang Hall", consultation.GetProperty("title").GetString());
        Assert.Equal(closesAt.ToUnixTimeMilliseconds(), consultation.GetProperty("closesAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var questions = consultation.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(["bus", "needs", "safe", "more"], questions.Select(q => q.GetProperty("id").GetString()));
        Assert.Equal("scale", questions[2].GetProperty("kind").GetString());
        Assert.Equal("HR-SEC-03", questions[2].GetProperty("indicatorCode").GetString());
        Assert.True(consultation.GetProperty("version").GetInt64() > 0);
    }

    [Fact]
    public async Task A_draft_is_visible_to_officials_of_the_city_only()
    {
        var official = await app.OfficialAsync();
        var id = await app.DraftConsultationAsync(official);

        Assert.Equal("draft", (await app.GetConsultationAsync(id, official)).GetProperty("status").GetString());
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/consultations/{id}"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/consultations/{id}/results"); x.StatusCodeShouldBe(404); });
        var resident = await app.ResidentAsync();
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/york/consultations/{id}"); x.As(resident); x.StatusCodeShouldBe(404); });

        var publicList = await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/consultations?pageSize=100"); x.StatusCodeShouldBeOk(); });
        Assert.DoesNotContain(Json.Parse(await publicList.ReadAsTextAsync()).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var officialList = await app.Host.Scenario(x => { x.Get.Url("/api/cities/york/consultations?pageSize=100"); x.As(official); x.StatusCodeShouldBeOk(); });
        Assert.Contains(Json.Parse(await officialList.ReadAsTextAsync()).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Residents_anonymous_callers_and_officials_of_other_cities_cannot_run_a_consultation()
    {
        var yorkOfficial = await app.OfficialAsync("york");
        var id = await app.DraftConsultationAsync(yorkOfficial);
        var utrechtOfficial = await app.OfficialAsync("utrecht");
        var resident = await app.ResidentAsync("york");
        var before = await app.EventCountAsync();

        await app.Host.Scenario(x => { x.Post.Json(new { title = "x" }).ToUrl("/api/cities/york/consultations"); x.As(utrechtOfficial); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { title = "x" }).ToUrl("/api/cities/york/consultations"); x.As(resident); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { title = "x" }).ToUrl("/api/cities/york/consultations"); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Post.Json(ConsultationApi.OpenBody()).ToUrl($"/api/cities/york/consultations/{id}/open"); x.As(utrechtOfficial); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { summary = "s" }).ToUrl($"/api/cities/york/consultations/{id}/outcome"); x.As(utrechtOfficial); x.StatusCodeShouldBe(403); });
        // Through their own city's route, the consultation of York does not exist (tenants are separate).
        await app.Host.Scenario(x => { x.Post.Json(ConsultationApi.OpenBody()).ToUrl($"/api/cities/utrecht/consultations/{id}/open"); x.As(utrechtOfficial); x.StatusCodeShouldBe(404); });

        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task An_outcome_is_published_after_the_consultation_closed()
    {
        var official = await app.OfficialAsync();
        var id = await app.OpenConsultationAsync(official, closesAt: DateTimeOffset.UtcNow.AddSeconds(2));
        await ClosingConsultationsTests.WaitUntilClosedAsync(app, id);

        var commitment = Guid.CreateVersion7();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { summary = "We will add ramps at 12 stops.", commitmentIds = new[] { commitment } }).ToUrl($"/api/cities/york/consultations/{id}/outcome");
            x.As(official);
            x.StatusCodeShouldBeOk();
        });
        var published = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal("outcomePublished", published.GetProperty("status").GetString());

        var consultation = await app.GetConsultationAsync(id);
        Assert.Equal("We will add ramps at 12 stops.", consultation.GetProperty("outcome").GetProperty("summary").GetString());
        Assert.Equal(commitment, consultation.GetProperty("outcome").GetProperty("commitmentIds")[0].GetGuid());
    }
}
