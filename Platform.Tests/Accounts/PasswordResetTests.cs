using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// Password reset against a real SMTP server process: the same answer for every address, a link mailed only to an account's
/// own, a few an hour; the link sets a new password once (the registration rule), ends every earlier sign-in, and is refused
/// used, expired or forged.
/// </summary>
[Collection(MailCollection.Name)]
public sealed class PasswordResetTests(MailAppFixture app)
{
    private const string OldPassword = "correct horse battery";
    private const string NewPassword = "a brand new passphrase";

    private async Task<string> RegisterAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = OldPassword, displayName = "Jan", city = "utrecht", language = "nl" }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(201);
        });
        await app.Mail.WaitForAsync(email); // the verification email
        return email;
    }

    private async Task<IScenarioResult> RequestAsync(string email) =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email }).ToUrl("/api/accounts/password-reset");
            x.StatusCodeShouldBe(202);
        });

    private async Task<IScenarioResult> ResetAsync(string token, string? newPassword, int status) =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { token, newPassword }).ToUrl("/api/accounts/password-reset/new-password");
            x.StatusCodeShouldBe(status);
        });

    private async Task<int> TokenStatusAsync(string email, string password) =>
        (await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password }).ToUrl("/api/accounts/token");
            x.IgnoreStatusCode();
        })).Context.Response.StatusCode;

    private async Task<string> ResetMailTokenAsync(string email, int count = 1)
    {
        var reset = (await app.Mail.WaitForAsync(email, count: count + 1)).Where(m => m.TextBody?.Contains("/reset-password?token=") == true).ToList();
        Assert.Equal(count, reset.Count);
        return AccountLinkApi.TokenIn(reset[^1], "/reset-password");
    }

    [Fact]
    public async Task Every_address_gets_the_same_answer_and_only_an_accounts_own_address_gets_a_link_in_its_language()
    {
        var email = await RegisterAsync();
        var unknown = $"{Guid.NewGuid():N}@example.org";

        var known = await RequestAsync(email.ToUpperInvariant());
        var stranger = await RequestAsync(unknown);
        Assert.Equal(await known.ReadAsTextAsync(), await stranger.ReadAsTextAsync());

        var mails = await app.Mail.WaitForAsync(email, count: 2);
        Assert.Equal("Kies een nieuw wachtwoord", mails[^1].Subject);
        Assert.StartsWith(MailAppFixture.PublicUrl + "/reset-password?token=", AccountLinkApi.LinkIn(mails[^1], "/reset-password").ToString());
        Assert.Empty(await app.Mail.WaitForAsync(unknown, wait: TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public async Task The_link_sets_a_new_password_once_and_ends_every_earlier_sign_in()
    {
        var email = await RegisterAsync();
        var before = Json.Parse(await (await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = OldPassword }).ToUrl("/api/accounts/token");
            x.StatusCodeShouldBeOk();
        })).ReadAsTextAsync()).GetProperty("accessToken").GetString();

        await RequestAsync(email);
        var token = await ResetMailTokenAsync(email);
        await ResetAsync(token, NewPassword, 200);

        await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/me");
            x.WithRequestHeader("Authorization", $"Bearer {before}");
            x.StatusCodeShouldBe(401);
        });
        Assert.Equal(401, await TokenStatusAsync(email, OldPassword));
        Assert.Equal(200, await TokenStatusAsync(email, NewPassword));

        var again = await ResetAsync(token, "yet another passphrase", 410);
        Assert.Equal("link-used", (await ProblemAssert.NamesAsync(again, 410, "token")).GetProperty("code").GetString());
        Assert.Equal(200, await TokenStatusAsync(email, NewPassword));
    }

    [Fact]
    public async Task A_new_password_breaking_the_rule_is_refused_naming_it_and_the_link_still_works()
    {
        var (resident, token) = await app.AccountWithLinkAsync(AccountLinkPurpose.ResetPassword);
        await ProblemAssert.NamesAsync(await ResetAsync(token, "short", 400), 400, "newPassword");
        await ProblemAssert.NamesAsync(await ResetAsync(token, new string('p', 201), 400), 400, "newPassword");
        await ProblemAssert.NamesAsync(await ResetAsync(token, null, 400), 400, "newPassword");
        await using (var session = app.Store.QuerySession())
            Assert.Null((await session.LoadAsync<Account>(resident.Id))!.PasswordHash);
        await ResetAsync(token, NewPassword, 200);
    }

    [Fact]
    public async Task An_expired_forged_or_verification_link_sets_no_password()
    {
        var (resident, token) = await app.AccountWithLinkAsync(AccountLinkPurpose.ResetPassword);
        app.Clock.Offset = TimeSpan.FromMinutes(61);
        try
        {
            var expired = await ResetAsync(token, NewPassword, 410);
            Assert.Equal("link-expired", (await ProblemAssert.NamesAsync(expired, 410, "token")).GetProperty("code").GetString());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
        await ProblemAssert.NamesAsync(await ResetAsync("forged", NewPassword, 400), 400, "token");
        await ProblemAssert.NamesAsync(await ResetAsync(await app.LinkTokenAsync(resident, AccountLinkPurpose.VerifyEmail), NewPassword, 400), 400, "token");
        await using var session = app.Store.QuerySession();
        Assert.Null((await session.LoadAsync<Account>(resident.Id))!.PasswordHash);
    }

    [Fact]
    public async Task One_address_gets_at_most_three_links_an_hour_and_the_answer_never_changes()
    {
        var email = await RegisterAsync();
        var answers = new List<string>();
        for (var i = 0; i < 5; i++) answers.Add(await (await RequestAsync(email)).ReadAsTextAsync());
        Assert.Single(answers.Distinct());
        await Task.Delay(TimeSpan.FromSeconds(3));
        var resets = (await app.Mail.WaitForAsync(email, count: 6, wait: TimeSpan.FromSeconds(2))).Count(m => m.TextBody?.Contains("/reset-password?token=") == true);
        Assert.Equal(3, resets);
    }

    [Theory]
    [InlineData("""{}""", "email")]
    [InlineData("""{"email":"no-at-sign"}""", "email")]
    [InlineData("""{"email":5}""", "$.email")]
    [InlineData("""null""", "$")]
    public async Task A_malformed_request_is_a_bad_request_naming_the_field(string body, string field)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Text(body).ToUrl("/api/accounts/password-reset");
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(400);
        });
        await ProblemAssert.NamesAsync(result, 400, field);
    }
}
