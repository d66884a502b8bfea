using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

[Collection(IntegrationCollection.Name)]
public class AccountTests(AppFixture app)
{
    private static string NewEmail() => $"{Guid.NewGuid():N}@Example.org";

    private async Task<string> RegisterAsync(string email, string city = "york")
    {
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = "correct horse battery", displayName = "Ada", city }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(201);
        });
        return email;
    }

    private async Task<string> TokenAsync(string email, string password = "correct horse battery")
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password }).ToUrl("/api/accounts/token");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("accessToken").GetString()!;
    }

    [Fact]
    public async Task A_resident_registers_gets_a_token_and_sees_their_account()
    {
        var email = await RegisterAsync(NewEmail());
        var token = await TokenAsync(email.ToUpperInvariant());

        var result = await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/me");
            x.WithRequestHeader("Authorization", $"Bearer {token}");
            x.StatusCodeShouldBeOk();
        });
        var me = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal(email.ToLowerInvariant(), me.GetProperty("email").GetString());
        Assert.Equal(["resident"], me.GetProperty("roles").GetProperty("york").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task The_password_is_stored_only_as_a_hash()
    {
        var email = await RegisterAsync(NewEmail());
        await using var session = app.Store.QuerySession();
        var account = await session.Query<Account>().SingleAsync(a => a.Email == email.ToLowerInvariant());
        Assert.NotNull(account.PasswordHash);
        Assert.DoesNotContain("correct horse battery", account.PasswordHash);
    }

    [Fact]
    public async Task A_cookie_sign_in_works_for_pages()
    {
        var email = await RegisterAsync(NewEmail());
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = "correct horse battery" }).ToUrl("/api/accounts/sign-in");
            x.StatusCodeShouldBeOk();
        });
        var cookie = result.Context.Response.Headers.SetCookie.ToString();
        Assert.Contains("hrc.auth=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/me");
            x.WithRequestHeader("Cookie", cookie.Split(';')[0]);
            x.StatusCodeShouldBeOk();
        });
    }

    [Theory]
    [InlineData("wrong password here")]
    [InlineData("")]
    public async Task A_wrong_password_is_a_401(string password)
    {
        var email = await RegisterAsync(NewEmail());
        await app.Host.Scenario(x => { x.Post.Json(new { email, password }).ToUrl("/api/accounts/token"); x.StatusCodeShouldBe(401); });
    }

    public static TheoryData<object, string> BadRegistrations => new()
    {
        { new { email = "not-an-email", password = "long enough pass", displayName = "A", city = "york" }, "email" },
        { new { email = "a@b.org", password = "short", displayName = "A", city = "york" }, "password" },
        { new { email = "a@b.org", password = "long enough pass", displayName = "", city = "york" }, "displayName" },
        { new { email = "a@b.org", password = "long enough pass", displayName = "A", city = "atlantis" }, "city" },
    };

    [Theory, MemberData(nameof(BadRegistrations))]
    public async Task A_bad_registration_is_a_400_naming_the_field(object body, string field)
    {
        var result = await app.Host.Scenario(x => { x.Post.Json(body).ToUrl("/api/accounts"); x.StatusCodeShouldBe(400); });
        Assert.True(Json.Parse(await result.ReadAsTextAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_email_registers_once()
    {
        var email = await RegisterAsync(NewEmail());
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = "another long password", displayName = "B", city = "lviv" }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(409);
        });
        Assert.True(Json.Parse(await result.ReadAsTextAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Officials_verify_residents_of_their_own_city_only()
    {
        var resident = await app.ResidentAsync("york");
        var yorkOfficial = await app.AccountAsync("york", CityRole.Official);
        var utrechtOfficial = await app.AccountAsync("utrecht", CityRole.Official);

        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/york/residents/{resident.Id}/verification"); x.As(utrechtOfficial); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/york/residents/{resident.Id}/verification"); x.As(resident); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/utrecht/residents/{resident.Id}/verification"); x.As(utrechtOfficial); x.StatusCodeShouldBe(422); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/york/residents/{resident.Id}/verification"); x.As(yorkOfficial); x.StatusCodeShouldBeOk(); });

        var me = Json.Parse(await (await app.Host.Scenario(x => { x.Get.Url("/api/accounts/me"); x.As(resident); })).ReadAsTextAsync());
        Assert.Contains("verifiedResident", me.GetProperty("roles").GetProperty("york").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Network_administrators_grant_council_roles_which_take_effect_at_once()
    {
        var admin = await app.NetworkAdministratorAsync();
        var person = await app.ResidentAsync("lviv");
        var other = await app.ResidentAsync("lviv");

        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/lviv/residents/{other.Id}/verification"); x.As(person); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { accountId = person.Id, role = "official" }).ToUrl("/api/cities/lviv/roles"); x.As(person); x.StatusCodeShouldBe(403); });
        await app.Host.Scenario(x => { x.Post.Json(new { accountId = person.Id, role = "official" }).ToUrl("/api/cities/lviv/roles"); x.As(admin); x.StatusCodeShouldBeOk(); });
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/lviv/residents/{other.Id}/verification"); x.As(person); x.StatusCodeShouldBeOk(); });
    }

    [Fact]
    public async Task A_withdrawn_role_stops_working_at_once_for_tokens_issued_before()
    {
        var admin = await app.NetworkAdministratorAsync();
        var official = await app.AccountAsync("lviv", CityRole.Resident, CityRole.Official);
        var resident = await app.ResidentAsync("lviv");
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/lviv/residents/{resident.Id}/verification"); x.As(official); x.StatusCodeShouldBeOk(); });

        await app.Host.Scenario(x => { x.Delete.Url($"/api/cities/lviv/roles/{official.Id}/official"); x.As(admin); x.StatusCodeShouldBeOk(); });

        // The token still says "official"; the account no longer is one.
        await app.Host.Scenario(x => { x.Post.Url($"/api/cities/lviv/residents/{resident.Id}/verification"); x.As(official); x.StatusCodeShouldBe(403); });
    }

    [Fact]
    public async Task A_role_withdrawn_through_another_node_stops_working_within_seconds()
    {
        var official = await app.AccountAsync("utrecht", CityRole.Resident, CityRole.Official);
        var resident = await app.ResidentAsync("utrecht");
        var verify = $"/api/cities/utrecht/residents/{resident.Id}/verification";
        await app.Host.Scenario(x => { x.Post.Url(verify); x.As(official); x.StatusCodeShouldBeOk(); });

        // Another node withdraws the role: the shared database changes, this node's memory is not told.
        await using (var session = app.Store.LightweightSession())
        {
            var account = (await session.LoadAsync<Account>(official.Id))!;
            account.Revoke("utrecht", CityRole.Official);
            account.RolesChangedAt = app.Clock.GetUtcNow();
            session.Store(account);
            await session.SaveChangesAsync();
        }

        var refusedWithin = System.Diagnostics.Stopwatch.StartNew();
        int status;
        do
        {
            var result = await app.Host.Scenario(x => { x.Post.Url(verify); x.As(official); x.IgnoreStatusCode(); });
            status = result.Context.Response.StatusCode;
            if (status != 403) await Task.Delay(100);
        } while (status != 403 && refusedWithin.Elapsed < RoleChangeLog.PollEvery * 5);
        Assert.Equal(403, status); // within a few polls, not after the ten seconds an account stays cached
    }

    [Fact]
    public async Task Where_the_city_requires_it_only_verified_residents_support()
    {
        var admin = await app.NetworkAdministratorAsync();
        var slug = $"t{Guid.NewGuid():N}"[..20];
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { slug, names = new { en = "Testville" }, timeZone = "Europe/Paris", settings = new { concernResponseDays = 30, proposalSupportThreshold = 10, proposalDecisionDays = 60, supportsRequireVerifiedResidency = true } })
                .ToUrl("/api/cities");
            x.As(admin);
            x.StatusCodeShouldBe(201);
        });
        var id = await app.RaiseAsync(slug);
        var plain = await app.AccountAsync(slug, CityRole.Resident);
        var verified = await app.AccountAsync(slug, CityRole.Resident, CityRole.VerifiedResident);

        var refused = await app.Host.Scenario(x => { x.Post.Url($"/api/cities/{slug}/concerns/{id}/supports"); x.As(plain); x.StatusCodeShouldBe(403); });
        Assert.Equal("verified-residency-required", Json.Parse(await refused.ReadAsTextAsync()).GetProperty("code").GetString());
        await app.SupportAsync(id, verified, slug);
        Assert.Equal(1, (await app.GetConcernAsync(id, slug)).GetProperty("supports").GetInt64());
    }
}
