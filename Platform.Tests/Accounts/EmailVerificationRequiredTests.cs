using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// A city that requires a verified email address: its network administrator sets it; an unverified resident's supports
/// of concerns and proposals and town-hall votes are refused with 403 <c>verified-email-required</c> and store nothing;
/// the same resident, with the same sign-in, takes part once the address is verified.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class EmailVerificationRequiredTests(AppFixture app)
{
    private async Task<string> CityRequiringVerifiedEmailAsync()
    {
        var city = await app.NewCityAsync();
        var admin = await app.NetworkAdministratorAsync();
        var result = await app.Host.Scenario(x =>
        {
            x.Put.Json(new { concernResponseDays = 30, proposalSupportThreshold = 10, proposalDecisionDays = 60, supportsRequireVerifiedEmail = true })
                .ToUrl($"/api/cities/{city}/settings");
            x.As(admin);
            x.StatusCodeShouldBeOk();
        });
        Assert.True(Json.Parse(await result.ReadAsTextAsync()).GetProperty("settings").GetProperty("supportsRequireVerifiedEmail").GetBoolean());
        return city;
    }

    private async Task<(int Status, string? Code)> PostAsync(string url, Actor resident, object? body = null)
    {
        var result = await app.Host.Scenario(x =>
        {
            if (body is null) x.Post.Url(url);
            else x.Post.Json(body).ToUrl(url);
            x.As(resident);
            x.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        return (status, status >= 400 ? Json.Parse(await result.ReadAsTextAsync()).GetProperty("code").GetString() : null);
    }

    [Fact]
    public async Task An_unverified_resident_is_refused_supports_and_votes_until_the_address_is_verified()
    {
        var city = await CityRequiringVerifiedEmailAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var concern = await app.RaiseAsync(city);
        var proposal = await app.SubmitAsync(city);
        var townHall = await app.OpenTownHallAsync(official, city);
        var poll = await app.OpenPollAsync(townHall, official, city: city);
        var resident = await app.ResidentAsync(city);
        var writes = new (string Url, object? Body)[]
        {
            ($"/api/cities/{city}/concerns/{concern}/supports", null),
            ($"/api/cities/{city}/proposals/{proposal}/supports", null),
            ($"/api/cities/{city}/town-halls/{townHall}/polls/{poll}/votes", new { option = 1 }),
        };

        var before = await app.EventCountAsync();
        foreach (var (url, body) in writes)
            Assert.Equal((403, "verified-email-required"), await PostAsync(url, resident, body));
        Assert.Equal(before, await app.EventCountAsync());

        var token = await app.LinkTokenAsync(resident, AccountLinkPurpose.VerifyEmail);
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { token }).ToUrl("/api/accounts/email-verification");
            x.StatusCodeShouldBeOk();
        });

        foreach (var (url, body) in writes)
            Assert.InRange((await PostAsync(url, resident, body)).Status, 200, 201);
        Assert.Equal(1, (await app.GetConcernAsync(concern, city)).GetProperty("supports").GetInt64());
    }

    [Fact]
    public async Task Without_the_setting_an_unverified_resident_supports_as_before()
    {
        var city = await app.NewCityAsync();
        var concern = await app.RaiseAsync(city);
        var resident = await app.ResidentAsync(city);
        Assert.Equal(200, (await PostAsync($"/api/cities/{city}/concerns/{concern}/supports", resident)).Status);
    }
}
