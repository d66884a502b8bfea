namespace Platform.Tests.Participation;

/// <summary>
/// The participation profile (docs/participation.md): stored only with consent, read back by its owner only, changed
/// and withdrawn without a trace, in the personal-data export, erased with the account.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class ProfileTests(AppFixture app)
{
    private const string Url = "/api/accounts/me/profile";

    [Fact]
    public async Task Without_consent_nothing_is_stored_and_the_answer_names_consent()
    {
        var person = await app.ResidentAsync();
        foreach (var body in new object[] { new { ageBand = "25-44", gender = "woman" }, new { consent = false, ageBand = "25-44" } })
        {
            var refused = await app.Host.Scenario(x => { x.Put.Json(body).ToUrl(Url); x.As(person); x.StatusCodeShouldBe(400); });
            await ProblemAssert.NamesAsync(refused, 400, "consent");
        }
        Assert.Equal(0, await ParticipationApi.ProfilesOfAsync(app.Participant(person)));
        Assert.False((await app.SendForJsonAsync(HttpMethod.Get, Url, null, person, 200)).GetProperty("given").GetBoolean());
    }

    [Fact]
    public async Task A_profile_is_read_back_changed_answer_by_answer_and_withdrawn_without_a_trace()
    {
        var person = await app.ResidentAsync();
        var events = await app.EventCountAsync();
        await app.SaveProfileAsync(person, new { consent = true, ageBand = "65-plus", gender = "woman", disability = true, migrantBackground = false, district = " Clifton " });
        var saved = Json.Parse(await app.GetTextAsync(Url, person));
        Assert.True(saved.GetProperty("given").GetBoolean());
        Assert.Equal(("65-plus", "woman", true, false, "Clifton"), (saved.GetProperty("ageBand").GetString(), saved.GetProperty("gender").GetString(),
            saved.GetProperty("disability").GetBoolean(), saved.GetProperty("migrantBackground").GetBoolean(), saved.GetProperty("district").GetString()));

        // One answer withdrawn: it is gone, the others stay.
        await app.SaveProfileAsync(person, new { consent = true, ageBand = "65-plus", disability = true, migrantBackground = false, district = "Clifton" });
        var changed = Json.Parse(await app.GetTextAsync(Url, person));
        Assert.Equal(JsonValueKind.Null, changed.GetProperty("gender").ValueKind);
        Assert.Equal("65-plus", changed.GetProperty("ageBand").GetString());

        // Another person never sees it.
        var other = await app.ResidentAsync();
        Assert.False(Json.Parse(await app.GetTextAsync(Url, other)).GetProperty("given").GetBoolean());

        await app.SendForJsonAsync(HttpMethod.Delete, Url, null, person, 204);
        Assert.False(Json.Parse(await app.GetTextAsync(Url, person)).GetProperty("given").GetBoolean());
        Assert.Equal(0, await ParticipationApi.ProfilesOfAsync(app.Participant(person)));
        // Kept as a document, never as events: nothing of it is in the event store.
        Assert.Equal(events, await app.EventCountAsync());
        await app.SendForJsonAsync(HttpMethod.Delete, Url, null, person, 204); // withdrawing again is harmless
    }

    [Fact]
    public async Task Unknown_forged_and_huge_answers_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var person = await app.ResidentAsync();
        var cases = new (object Body, string Field)[]
        {
            (new { consent = true, ageBand = "ancient" }, "ageBand"),
            (new { consent = true, gender = "robot" }, "gender"),
            (new { consent = true, district = new string('x', 5000) }, "district"),
            (new { consent = "yes" }, "$.consent"),
            (new { consent = true, disability = "maybe" }, "$.disability"),
        };
        foreach (var (body, field) in cases)
        {
            var refused = await app.Host.Scenario(x => { x.Put.Json(body).ToUrl(Url); x.As(person); x.StatusCodeShouldBe(400); });
            await ProblemAssert.NamesAsync(refused, 400, field);
        }
        Assert.Equal(0, await ParticipationApi.ProfilesOfAsync(app.Participant(person)));
        await app.SendForJsonAsync(HttpMethod.Put, Url, new { consent = true }, null, 401);
        await app.SendForJsonAsync(HttpMethod.Get, Url, null, null, 401);
    }

    [Fact]
    public async Task The_export_holds_the_profile_and_erasing_the_account_deletes_it()
    {
        const string password = "a long enough password 2026";
        var city = await app.NewCityAsync();
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.SendForJsonAsync(HttpMethod.Post, "/api/accounts", new { email, password, displayName = "Profile person", city }, null, 201);
        var token = (await app.SendForJsonAsync(HttpMethod.Post, "/api/accounts/token", new { email, password }, null, 200)).GetProperty("accessToken").GetString()!;
        var id = (await app.SendForJsonAsync(HttpMethod.Get, "/api/accounts/me", null, new Actor(Guid.Empty, token), 200)).GetProperty("id").GetGuid();
        var person = new Actor(id, token);

        await app.SaveProfileAsync(person, new { consent = true, gender = "another", migrantBackground = true });
        var export = Json.Parse(await app.GetTextAsync("/api/accounts/me/export", person)).GetProperty("participationProfile");
        Assert.True(export.GetProperty("given").GetBoolean());
        Assert.Equal("another", export.GetProperty("gender").GetString());
        Assert.True(export.GetProperty("migrantBackground").GetBoolean());
        Assert.Equal(1, await ParticipationApi.ProfilesOfAsync(app.Participant(person)));

        await app.Host.Scenario(x => { x.Delete.Json(new { password }).ToUrl("/api/accounts/me"); x.As(person); x.StatusCodeShouldBe(200); });
        Assert.Equal(0, await ParticipationApi.ProfilesOfAsync(app.Participant(person)));
    }
}
