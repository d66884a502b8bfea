using Platform.Api.Notifications;

namespace Platform.Tests.Notifications;

/// <summary>The settings API: what a person chooses is what reaches them; bad input is a 400 naming the field, and nothing changes.</summary>
[Collection(EmailCollection.Name)]
public sealed class EmailSettingsApiTests(EmailFixture app)
{
    private const string Url = "/api/accounts/me/notifications/settings";

    [Fact]
    public async Task Settings_start_at_once_for_every_kind_with_nothing_opted_in_and_keep_what_is_put()
    {
        var (person, _) = await app.PersonAsync();
        var start = await GetAsync(person);
        Assert.Empty(start.GetProperty("optedIn").EnumerateArray());
        Assert.All(Enum.GetValues<NoticeKind>(), k => Assert.Equal("atOnce", start.GetProperty("email").GetProperty(NotificationSettingsHandler.NameOf(k)).GetString()));

        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { optedIn = new[] { "townHallScheduled" }, email = new Dictionary<string, string> { ["proposalDecided"] = "weeklyDigest", ["concernAnswered"] = "never" } }).ToUrl(Url);
            x.As(person);
        });
        // Only the email part now: the opt-in part stays.
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { email = new Dictionary<string, string> { ["proposalDecided"] = "dailyDigest" } }).ToUrl(Url);
            x.As(person);
        });
        var now = await GetAsync(person);
        Assert.Equal(["townHallScheduled"], now.GetProperty("optedIn").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Equal("dailyDigest", now.GetProperty("email").GetProperty("proposalDecided").GetString());
        Assert.Equal("atOnce", now.GetProperty("email").GetProperty("concernAnswered").GetString()); // the email part was replaced whole
    }

    [Theory]
    [InlineData("""{ "email": { "concernAnswerd": "never" } }""", "email.concernAnswerd")]
    [InlineData("""{ "email": { "concernAnswered": "sometimes" } }""", "email.concernAnswered")]
    [InlineData("""{ "email": { "concernAnswered": "2" } }""", "email.concernAnswered")]
    [InlineData("""{ "email": { "1": "never" } }""", "email.1")]
    [InlineData("""{ "optedIn": [ "concernAnswered" ] }""", "optedIn[0]")]
    [InlineData("""{ "optedIn": [ "townHallScheduled", null ] }""", "optedIn[1]")]
    [InlineData("""{ "optedIn": "townHallScheduled" }""", "optedIn")]
    [InlineData("""{ "email": [ "never" ] }""", "email")]
    [InlineData("""null""", "$")]
    public async Task Unknown_kinds_and_values_are_a_400_naming_the_field_and_nothing_changes(string body, string field)
    {
        var (person, _) = await app.PersonAsync();
        var refused = await app.Host.Scenario(x =>
        {
            x.Put.Text(body).ToUrl(Url);
            x.WithRequestHeader("Content-Type", "application/json");
            x.As(person);
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(refused, 400, field);
        Assert.Null(await app.PreferencesAsync(person.Id));
    }

    [Fact]
    public async Task A_huge_body_is_refused_without_a_5xx_and_nothing_changes()
    {
        var (person, _) = await app.PersonAsync();
        var email = Enumerable.Range(0, 20_000).ToDictionary(i => $"kind{i}", _ => "never");
        var refused = await app.Host.Scenario(x =>
        {
            x.Put.Json(new { email }).ToUrl(Url);
            x.As(person);
            x.StatusCodeShouldBe(400);
        });
        Assert.StartsWith("application/problem+json", refused.Context.Response.ContentType);
        Assert.Null(await app.PreferencesAsync(person.Id));
    }

    [Fact]
    public async Task Settings_need_a_signed_in_caller()
    {
        await app.Host.Scenario(x => { x.Get.Url(Url); x.StatusCodeShouldBe(401); });
        await app.Host.Scenario(x => { x.Put.Json(new { optedIn = Array.Empty<string>() }).ToUrl(Url); x.StatusCodeShouldBe(401); });
    }

    private async Task<JsonElement> GetAsync(Actor person)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(Url); x.As(person); });
        return Json.Parse(await result.ReadAsTextAsync());
    }
}
