namespace Platform.Tests.Support;

/// <summary>People who register through the API with a password (erasing an account asks for it), for the personal-data tests.</summary>
public static class Registration
{
    /// <summary>Registers a resident of <paramref name="city"/> with <paramref name="password"/>; answers the person (with a bearer token) and their email.</summary>
    public static async Task<(Actor Person, string Email)> RegisterAsync(this AppFixture app, string city, string password)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password, displayName = "Ada Lovelace", city }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(201);
        });
        var token = Json.Parse(await (await app.Host.Scenario(x => x.Post.Json(new { email, password }).ToUrl("/api/accounts/token"))).ReadAsTextAsync())
            .GetProperty("accessToken").GetString()!;
        var me = Json.Parse(await (await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me"); x.WithRequestHeader("Authorization", $"Bearer {token}"); })).ReadAsTextAsync());
        return (new Actor(me.GetProperty("id").GetGuid(), token), email);
    }
}
