
namespace Platform.Tests.Trust;

/// <summary>
/// The account and moderation writes of the trust work, sent as a confused client or an impatient one would: with a null
/// body, twice in a row and twice at once. Each answers a 4xx or the same result, never a 5xx, and acts once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class RepeatedRequestTests(AppFixture app)
{
    private const string Password = "correct horse battery";

    [Theory]
    [InlineData("PUT", "/api/accounts/me/password")]
    [InlineData("DELETE", "/api/accounts/me")]
    [InlineData("POST", "/api/cities/{city}/concerns/{id}/redaction")]
    public async Task A_null_body_is_a_400_naming_the_body_and_changes_nothing(string method, string path)
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var caller = await app.AccountAsync(city, CityRole.Moderator);
        var before = await app.EventCountAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text("null").ToUrl(path.Replace("{city}", city).Replace("{id}", concern.ToString()));
            x.ConfigureHttpContext(c => { c.Request.Method = method; c.Request.ContentType = "application/json"; });
            x.As(caller);
            x.StatusCodeShouldBe(400);
        });
        Assert.True(Json.Parse(await result.ReadAsTextAsync()).GetProperty("errors").TryGetProperty("$", out _));
        Assert.Equal(before, await app.EventCountAsync());
        await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me"); x.As(caller); x.StatusCodeShouldBe(200); });
    }

    [Fact]
    public async Task A_redaction_sent_twice_at_once_redacts_once_and_the_other_is_a_409()
    {
        var city = await app.NewCityAsync();
        var words = $"Words {Guid.NewGuid():N}";
        var id = await app.RaiseAsync(city, new { title = words, rights = new[] { "housing" } });
        var moderator = await app.AccountAsync(city, CityRole.Moderator);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => StatusAsync(HttpMethod.Post,
            $"/api/cities/{city}/concerns/{id}/redaction", moderator.Token, new { reason = "A private phone number." })));

        Assert.Equal([200, 409], statuses.Order());
        var history = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/concerns/{id}/history"));
        Assert.Single(history.EnumerateArray(), e => e.GetProperty("event").GetString() == "redacted");
        Assert.DoesNotContain(words, await app.GetTextAsync($"/api/cities/{city}/concerns/{id}"));
        Assert.Equal(409, await StatusAsync(HttpMethod.Post, $"/api/cities/{city}/concerns/{id}/redaction", moderator.Token, new { reason = "Again." }));
    }

    [Fact]
    public async Task Signing_out_everywhere_twice_at_once_ends_the_sign_ins_and_never_fails()
    {
        var (email, token) = await RegisterAsync();
        var other = await TokenAsync(email);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => StatusAsync(HttpMethod.Post, "/api/accounts/me/sign-out-everywhere", token)));

        Assert.All(statuses, s => Assert.True(s is 200 or 401 or 409, $"answered {s}"));
        Assert.Contains(200, statuses);
        Assert.Equal(401, await StatusAsync(HttpMethod.Get, "/api/accounts/me", other));
    }

    [Fact]
    public async Task An_erasure_sent_twice_at_once_erases_once_and_never_fails()
    {
        var (email, token) = await RegisterAsync();
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        await StatusAsync(HttpMethod.Post, $"/api/cities/york/members", token);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => StatusAsync(HttpMethod.Delete, "/api/accounts/me", token, new { password = Password })));

        Assert.All(statuses, s => Assert.True(s is 200 or 400 or 401 or 404, $"answered {s}"));
        Assert.Contains(200, statuses);
        Assert.Equal(401, await StatusAsync(HttpMethod.Get, "/api/accounts/me", token));
        Assert.Equal(401, await StatusAsync(HttpMethod.Delete, "/api/accounts/me", token, new { password = Password })); // and again later
        Assert.Equal(0, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());
        await app.Host.Scenario(x => { x.Post.Json(new { email, password = Password }).ToUrl("/api/accounts/token"); x.StatusCodeShouldBe(401); });
    }

    private async Task<(string Email, string Token)> RegisterAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.Host.Scenario(x => { x.Post.Json(new { email, password = Password, displayName = "Ada", city = "york" }).ToUrl("/api/accounts"); x.StatusCodeShouldBe(201); });
        return (email, await TokenAsync(email));
    }

    private async Task<string> TokenAsync(string email) =>
        Json.Parse(await (await app.Host.Scenario(x => x.Post.Json(new { email, password = Password }).ToUrl("/api/accounts/token"))).ReadAsTextAsync())
            .GetProperty("accessToken").GetString()!;

    private async Task<int> StatusAsync(HttpMethod method, string url, string token, object? body = null)
    {
        var result = await app.Host.Scenario(x =>
        {
            if (method == HttpMethod.Get) x.Get.Url(url);
            else if (method == HttpMethod.Delete) { if (body is null) x.Delete.Url(url); else x.Delete.Json(body).ToUrl(url); }
            else if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }
}
