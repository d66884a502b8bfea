
namespace Platform.Tests.Concerns;

/// <summary>What officials, moderators and the author do with a concern, through the HTTP API.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcernLifecycleTests(AppFixture app)
{
    [Fact]
    public async Task Acknowledging_names_the_department_and_sets_the_answer_due_from_the_city_setting()
    {
        var city = await app.NewCityAsync(concernResponseDays: 12);
        var id = await app.RaiseAsync(city);
        var official = await app.OfficialAsync(city);

        var before = DateTimeOffset.UtcNow;
        var view = await app.ActAsync(id, "acknowledgement", official, new { department = "  Transport " }, city: city);
        var after = DateTimeOffset.UtcNow;

        Assert.Equal("acknowledged", view.GetProperty("status").GetString());
        Assert.Equal("Transport", view.GetProperty("department").GetString());
        var due = view.GetProperty("responseDue").GetDateTimeOffset();
        Assert.InRange(due, before.AddDays(12).AddSeconds(-1), after.AddDays(12).AddSeconds(1));
        Assert.Equal(due, (await app.GetConcernAsync(id, city)).GetProperty("responseDue").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_official_answers_then_resolves_and_a_resolved_concern_cannot_be_answered()
    {
        var id = await app.RaiseAsync();
        var official = await app.OfficialAsync();
        await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" });

        var answered = await app.ActAsync(id, "answer", official, new { answer = "Raised kerbs at all route 6 stops by June." });
        Assert.Equal("answered", answered.GetProperty("status").GetString());
        Assert.Equal("Raised kerbs at all route 6 stops by June.", answered.GetProperty("answer").GetString());
        Assert.NotEqual(JsonValueKind.Null, answered.GetProperty("answeredAt").ValueKind);

        var resolved = await app.ActAsync(id, "resolution", official, new { note = "Done." });
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal("Done.", resolved.GetProperty("resolutionNote").GetString());
        Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("closedAt").ValueKind);

        var before = await app.EventCountAsync();
        var refused = await app.ActAsync(id, "answer", official, new { answer = "Again" }, status: 409);
        Assert.Equal("concern-resolved", refused.Code());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_resolution_note_is_optional()
    {
        var id = await app.RaiseAsync();
        var resolved = await app.ActAsync(id, "resolution", await app.OfficialAsync(), new { });
        Assert.Equal("resolved", resolved.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, resolved.GetProperty("resolutionNote").ValueKind);
    }

    [Fact]
    public async Task A_declined_concern_keeps_the_reason_and_accepts_no_further_step()
    {
        var author = await app.ResidentAsync();
        var id = await app.RaiseAsync(author: author);
        var official = await app.OfficialAsync();

        var declined = await app.ActAsync(id, "declination", official, new { reason = "The county runs these buses." });
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Equal("The county runs these buses.", declined.GetProperty("declineReason").GetString());

        var before = await app.EventCountAsync();
        Assert.Equal("concern-declined", (await app.ActAsync(id, "acknowledgement", official, new { department = "Transport" }, status: 409)).Code());
        Assert.Equal("concern-declined", (await app.ActAsync(id, "answer", official, new { answer = "Yes" }, status: 409)).Code());
        Assert.Equal("concern-declined", (await app.ActAsync(id, "withdrawal", author, status: 409)).Code());
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_hidden_concern_vanishes_for_the_public_but_not_for_the_council_and_restores_to_where_it_was()
    {
        var city = await app.NewCityAsync();
        var id = await app.RaiseAsync(city);
        var official = await app.OfficialAsync(city);
        var moderator = await app.AccountAsync(city, CityRole.Moderator);
        var resident = await app.ResidentAsync(city);
        await app.ActAsync(id, "acknowledgement", official, new { department = "Housing" }, city: city);

        var hidden = await app.ActAsync(id, "hiding", moderator, new { reason = "Names a private person." }, city: city);
        Assert.Equal("hidden", hidden.GetProperty("status").GetString());

        // The public and residents: 404, and absent from lists.
        await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", status: 404);
        await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", resident, status: 404);
        await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history", status: 404);
        Assert.Empty(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns")).Ids());
        Assert.Empty(Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?status=acknowledged", resident)).Ids());
        await app.GetTextAsync($"/api/cities/{city}/concerns?status=hidden", resident, status: 403);

        // Officials and moderators still see it, and its history.
        foreach (var council in new[] { official, moderator })
        {
            Assert.Equal("hidden", Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}", council)).GetProperty("status").GetString());
            Assert.Equal([id], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns?status=hidden", council)).Ids());
            var history = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history", council));
            Assert.Equal(["raised", "acknowledged", "hidden"], history.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
        }

        var restored = await app.ActAsync(id, "restoration", moderator, new { reason = "Name removed by the author." }, city: city);
        Assert.Equal("acknowledged", restored.GetProperty("status").GetString());
        Assert.Equal([id], Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns")).Ids());
        var restoredHistory = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history"));
        Assert.Equal(["raised", "acknowledged", "hidden", "restored"], restoredHistory.EnumerateArray().Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task Hiding_twice_or_restoring_a_visible_concern_is_a_409()
    {
        var id = await app.RaiseAsync();
        var moderator = await app.AccountAsync("york", CityRole.Moderator);
        var before = await app.EventCountAsync();
        Assert.Equal("concern-open", (await app.ActAsync(id, "restoration", moderator, new { reason = "Why not" }, status: 409)).Code());
        await app.ActAsync(id, "hiding", moderator, new { reason = "Spam" });
        Assert.Equal("concern-hidden", (await app.ActAsync(id, "hiding", moderator, new { reason = "Spam again" }, status: 409)).Code());
        Assert.Equal(before + 1, await app.EventCountAsync());
    }

    [Fact]
    public async Task Only_the_author_withdraws_and_only_once()
    {
        var author = await app.ResidentAsync();
        var id = await app.RaiseAsync(author: author);
        var before = await app.EventCountAsync();

        Assert.Equal("not-the-author", (await app.ActAsync(id, "withdrawal", await app.ResidentAsync(), status: 403)).Code());
        await app.ActAsync(id, "withdrawal", await app.OfficialAsync(), status: 403);
        await app.ActAsync(id, "withdrawal", null, status: 401);
        Assert.Equal(before, await app.EventCountAsync());

        Assert.Equal("withdrawn", (await app.ActAsync(id, "withdrawal", author)).GetProperty("status").GetString());
        Assert.Equal("concern-withdrawn", (await app.ActAsync(id, "withdrawal", author, status: 409)).Code());
        Assert.Equal(before + 1, await app.EventCountAsync());
    }

    public static TheoryData<string, object> CouncilActions => new()
    {
        { "acknowledgement", new { department = "Transport" } },
        { "answer", new { answer = "We will." } },
        { "declination", new { reason = "Not ours." } },
        { "resolution", new { note = "Done." } },
        { "hiding", new { reason = "Spam." } },
        { "restoration", new { reason = "Not spam." } },
    };

    [Theory, MemberData(nameof(CouncilActions))]
    public async Task Council_actions_are_for_the_council_of_the_concerns_city_only(string action, object body)
    {
        var id = await app.RaiseAsync();
        var author = await app.ResidentAsync();
        var callers = new[]
        {
            (await app.ResidentAsync(), 403),
            (await app.AccountAsync("york", CityRole.Resident, CityRole.VerifiedResident), 403),
            (await app.OfficialAsync("utrecht"), 403),
            (await app.AccountAsync("utrecht", CityRole.Moderator), 403),
            // Officials do not moderate, and moderators do not answer for the council.
            (action is "hiding" or "restoration" ? await app.OfficialAsync() : await app.AccountAsync("york", CityRole.Moderator), 403),
        };
        var before = await app.EventCountAsync();

        await app.ActAsync(id, action, null, body, status: 401);
        foreach (var (caller, status) in callers)
            await app.ActAsync(id, action, caller, body, status);
        await app.ActAsync(id, action, author, body, status: 403);

        Assert.Equal(before, await app.EventCountAsync());
        Assert.Equal("open", (await app.GetConcernAsync(id)).GetProperty("status").GetString());
    }
}
