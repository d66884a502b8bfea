namespace Platform.Tests.Participation;

/// <summary>
/// Assisted participation (docs/participation.md): the city's officials and organisations record a concern, a support
/// or an answer for a resident met offline, with the resident's consent noted, through the same rules as the resident's
/// own; the item's history shows the help, never the resident.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AssistedParticipationTests(AppFixture app)
{
    private const string Consent = "Consent given orally at the library, 2026-12-07";

    private static object ConcernBody(object resident, string? consent = Consent) => new
    {
        resident, consentNote = consent, title = "No bench at the Foxwood Lane stop", rights = new[] { "mobility" }, groups = new[] { "older-people" },
    };

    [Fact]
    public async Task An_official_raises_a_concern_for_an_offline_resident_and_its_history_shows_the_help_never_the_resident()
    {
        var city = await app.NewCityAsync();
        var official = await app.OfficialAsync(city);
        var done = await app.SendForJsonAsync(HttpMethod.Post, $"/api/cities/{city}/assisted/concerns", ConcernBody(new { name = "M. K." }), official, 201);
        var id = done.GetProperty("itemId").GetGuid();
        Assert.NotEqual(JsonValueKind.Null, done.GetProperty("offlineResidentId").ValueKind);

        var concern = await app.GetConcernAsync(id, city);
        Assert.Equal("official", concern.GetProperty("assistedBy").GetString());
        Assert.Equal(["older-people"], concern.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        var history = await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history");
        var entry = Json.Parse(history).EnumerateArray().Single(e => e.GetProperty("event").GetString() == "raised-with-help");
        Assert.Equal("official", entry.GetProperty("actorRole").GetString());
        foreach (var body in new[] { history, concern.GetRawText(), await app.GetTextAsync($"/cities/{city}/concerns/{id}") })
        {
            Assert.DoesNotContain("M. K.", body, StringComparison.Ordinal);
            Assert.DoesNotContain(Consent, body, StringComparison.Ordinal);
        }
        Assert.Contains("recorded with the help of an official", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_official_of_the_city_erases_an_offline_residents_record_at_their_request_and_their_support_stays_counted()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var official = await app.OfficialAsync(city);
        var supported = await app.SendForJsonAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{concern}/assisted-supports",
            new { resident = new { name = "R. T." }, consentNote = Consent }, official, 200);
        var offline = supported.GetProperty("offlineResidentId").GetGuid();
        var url = $"/api/cities/{city}/offline-residents/{offline}";

        await app.SendForJsonAsync(HttpMethod.Delete, url, null, await app.ResidentAsync(city), 403);
        await app.SendForJsonAsync(HttpMethod.Delete, url, null, await app.OfficialAsync(other), 403);
        await app.SendForJsonAsync(HttpMethod.Delete, $"/api/cities/{other}/offline-residents/{offline}", null, await app.OfficialAsync(other), 404); // not that city's record
        await using (var query = app.Store.QuerySession(city))
            Assert.Equal("R. T.", (await query.LoadAsync<Platform.Domain.EqualParticipation.OfflineResident>(offline))!.Name);

        await app.SendForJsonAsync(HttpMethod.Delete, url, null, official, 204);
        await using (var query = app.Store.QuerySession(city))
            Assert.Null(await query.LoadAsync<Platform.Domain.EqualParticipation.OfflineResident>(offline));
        await app.SendForJsonAsync(HttpMethod.Delete, url, null, official, 404);
        // The name is gone; what was recorded on their behalf stays, under an id that names no one.
        Assert.Equal(1, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());
        await app.SendForJsonAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{concern}/assisted-supports",
            new { resident = new { offlineResidentId = offline }, consentNote = Consent }, official, 404);
    }

    [Fact]
    public async Task An_assisted_support_counts_once_per_resident_whoever_records_it()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var official = await app.OfficialAsync(city);
        var organisation = await app.AccountAsync(city, CityRole.Organisation);
        var url = $"/api/cities/{city}/concerns/{concern}/assisted-supports";

        var first = await app.SendForJsonAsync(HttpMethod.Post, url, new { resident = new { name = "J. D." }, consentNote = Consent }, official, 200);
        Assert.True(first.GetProperty("changed").GetBoolean());
        var offline = first.GetProperty("offlineResidentId").GetGuid();
        var again = await app.SendForJsonAsync(HttpMethod.Post, url, new { resident = new { offlineResidentId = offline }, consentNote = Consent }, organisation, 200);
        Assert.False(again.GetProperty("changed").GetBoolean());

        // A resident with an account who supported it themselves: the assisted support is their one voice again.
        var resident = await app.ResidentAsync(city);
        await app.SupportAsync(concern, resident, city);
        var email = (await app.SendForJsonAsync(HttpMethod.Get, "/api/accounts/me", null, resident, 200)).GetProperty("email").GetString();
        var theirs = await app.SendForJsonAsync(HttpMethod.Post, url, new { resident = new { email }, consentNote = Consent }, official, 200);
        Assert.False(theirs.GetProperty("changed").GetBoolean());

        var view = await app.GetConcernAsync(concern, city);
        Assert.Equal(2, view.GetProperty("supports").GetInt64());
        Assert.Equal(1, view.GetProperty("assistedSupports").GetInt32());
        var history = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{concern}/history"));
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("event").GetString() == "support-recorded-with-help");
    }

    [Fact]
    public async Task Consent_is_required_and_the_resident_is_named_once_else_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var official = await app.OfficialAsync(city);
        var concern = await app.RaiseAsync(city);
        var consultation = await app.OpenConsultationAsync(official, city);
        var events = await app.EventCountAsync();
        var cases = new (string Url, object Body, int Status, string Field)[]
        {
            ($"/api/cities/{city}/assisted/concerns", ConcernBody(new { name = "A. B." }, consent: null), 400, "consentNote"),
            ($"/api/cities/{city}/assisted/concerns", ConcernBody(new { name = "A. B." }, consent: new string('c', 5000)), 400, "consentNote"),
            ($"/api/cities/{city}/assisted/concerns", ConcernBody(new { name = "A. B.", email = "someone@example.org" }), 400, "resident"),
            ($"/api/cities/{city}/assisted/concerns", ConcernBody(new { name = new string('n', 61) }), 400, "resident.name"),
            ($"/api/cities/{city}/concerns/{concern}/assisted-supports", new { resident = new { email = $"{Guid.NewGuid():N}@nowhere.invalid" }, consentNote = Consent }, 404, "resident.email"),
            ($"/api/cities/{city}/concerns/{concern}/assisted-supports", new { resident = new { offlineResidentId = Guid.NewGuid() }, consentNote = Consent }, 404, "resident.offlineResidentId"),
            ($"/api/cities/{city}/concerns/{concern}/assisted-supports", new { resident = new { offlineResidentId = "not-an-id" }, consentNote = Consent }, 400, "$.resident.offlineResidentId"),
            ($"/api/cities/{city}/assisted/concerns", ConcernBody(new { offlineResidentId = "A-1234", name = "A. B." }), 400, "$.resident.offlineResidentId"),
            ($"/api/cities/{city}/consultations/{consultation}/assisted-responses", new { resident = new { offlineResidentId = "A-1234" }, consentNote = Consent }, 400, "$.resident.offlineResidentId"),
            ($"/api/cities/{city}/concerns/{Guid.NewGuid()}/assisted-supports", new { resident = new { name = "A. B." }, consentNote = Consent }, 404, "concern-not-found"),
        };
        foreach (var (url, body, status, field) in cases)
        {
            var refused = await app.Host.Scenario(x => { x.Post.Json(body).ToUrl(url); x.As(official); x.StatusCodeShouldBe(status); });
            await ProblemAssert.NamesAsync(refused, status, field);
        }
        Assert.Equal(events, await app.EventCountAsync());
    }

    [Fact]
    public async Task Residents_and_another_citys_officials_and_organisations_are_refused_the_citys_organisations_may_assist()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var url = $"/api/cities/{city}/assisted/concerns";
        var events = await app.EventCountAsync();
        foreach (var caller in new[] { await app.ResidentAsync(city), await app.OfficialAsync(other), await app.AccountAsync(other, CityRole.Organisation) })
        {
            await app.SendForJsonAsync(HttpMethod.Post, url, ConcernBody(new { name = "A. B." }), caller, 403);
            await app.SendForJsonAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{concern}/assisted-supports", new { resident = new { name = "A. B." }, consentNote = Consent }, caller, 403);
        }
        await app.SendForJsonAsync(HttpMethod.Post, url, ConcernBody(new { name = "A. B." }), null, 401);
        Assert.Equal(events, await app.EventCountAsync());

        var organisation = await app.AccountAsync(city, CityRole.Organisation);
        var id = (await app.SendForJsonAsync(HttpMethod.Post, url, ConcernBody(new { name = "A. B." }), organisation, 201)).GetProperty("itemId").GetGuid();
        Assert.Equal("organisation", (await app.GetConcernAsync(id, city)).GetProperty("assistedBy").GetString());
    }

    [Fact]
    public async Task An_organisation_records_a_consultation_answer_and_the_resident_is_counted_as_answering()
    {
        var city = await app.NewCityAsync();
        var consultation = await app.OpenConsultationAsync(await app.OfficialAsync(city), city);
        var organisation = await app.AccountAsync(city, CityRole.Organisation);
        var url = $"/api/cities/{city}/consultations/{consultation}/assisted-responses";
        var answers = Json.Parse(JsonSerializer.Serialize(ConsultationApi.Answers(more: null))).GetProperty("answers");
        var done = await app.SendForJsonAsync(HttpMethod.Post, url, new { resident = new { name = "O. P." }, consentNote = Consent, answers }, organisation, 201);
        var offline = done.GetProperty("offlineResidentId").GetGuid();
        var again = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { resident = new { offlineResidentId = offline }, consentNote = Consent, answers }).ToUrl(url);
            x.As(organisation);
            x.StatusCodeShouldBe(409);
        });
        await ProblemAssert.NamesAsync(again, 409, "already-responded");
        var participation = (await app.ResultsAsync(consultation, await app.OfficialAsync(city), city)).GetProperty("participation").GetInt64();
        Assert.Equal(1, participation);

        // The record is in the consultation's stream: it makes no concern (an empty one under the consultation's id used to
        // show in the city's concern list).
        await using var session = app.Store.QuerySession(city);
        Assert.Null(await session.LoadAsync<Platform.Projections.Concerns.ConcernView>(consultation));
        Assert.Equal(0, await session.Query<Platform.Projections.Concerns.ConcernView>().CountAsync());
    }
}
