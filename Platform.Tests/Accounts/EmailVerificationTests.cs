using MimeKit;
using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// Email verification against a real SMTP server process: registration mails a link in the person's language, as plain
/// text and HTML; the link verifies the address once; used, expired and forged links are refused and change nothing;
/// the link can be sent again, a few times an hour; registration goes through while the mail server is down, and the
/// email arrives once it is back.
/// </summary>
[Collection(MailCollection.Name)]
public sealed class EmailVerificationTests(MailAppFixture app)
{
    private const string Password = "correct horse battery";

    private static string NewEmail() => $"{Guid.NewGuid():N}@example.org";

    private async Task<IScenarioResult> RegisterAsync(string email, string language = "en") =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = Password, displayName = "Oksana", city = "lviv", language }).ToUrl("/api/accounts");
            x.StatusCodeShouldBe(201);
        });

    private async Task<IScenarioResult> VerifyAsync(string token, int status) =>
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { token }).ToUrl("/api/accounts/email-verification");
            x.StatusCodeShouldBe(status);
        });

    private async Task<Account> AccountAsync(string email)
    {
        await using var session = app.Store.QuerySession();
        return await session.Query<Account>().SingleAsync(a => a.Email == email);
    }

    [Fact]
    public async Task Registration_mails_a_link_in_the_persons_language_that_verifies_the_address_once()
    {
        var email = NewEmail();
        await RegisterAsync(email, "uk");

        var received = Assert.Single(await app.Mail.WaitForAsync(email));
        Assert.Equal("Підтвердьте свою електронну адресу", received.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("Oksana", received.TextBody);
        var link = AccountLinkApi.LinkIn(received, "/verify-email");
        Assert.StartsWith(MailAppFixture.PublicUrl + "/verify-email?token=", link.ToString());
        Assert.Contains(System.Net.WebUtility.HtmlEncode(link.ToString()), received.HtmlBody);
        Assert.Null((await AccountAsync(email)).EmailVerifiedAt);

        var token = AccountLinkApi.TokenIn(received, "/verify-email");
        await VerifyAsync(token, 200);
        var verifiedAt = (await AccountAsync(email)).EmailVerifiedAt;
        Assert.NotNull(verifiedAt);

        var again = await VerifyAsync(token, 410);
        Assert.Equal("link-used", (await ProblemAssert.NamesAsync(again, 410, "token")).GetProperty("code").GetString());
        Assert.Equal(verifiedAt, (await AccountAsync(email)).EmailVerifiedAt);
    }

    [Fact]
    public async Task The_account_says_whether_its_address_is_verified_and_a_sign_in_from_before_sees_the_change()
    {
        var (resident, token) = await app.AccountWithLinkAsync(AccountLinkPurpose.VerifyEmail);
        async Task<JsonElement> MeAsync() => Json.Parse(await (await app.Host.Scenario(x =>
        {
            x.Get.Url("/api/accounts/me");
            x.As(resident);
        })).ReadAsTextAsync());

        Assert.Equal(JsonValueKind.Null, (await MeAsync()).GetProperty("emailVerifiedAt").ValueKind);
        await VerifyAsync(token, 200);
        Assert.Equal(JsonValueKind.String, (await MeAsync()).GetProperty("emailVerifiedAt").ValueKind);
    }

    [Fact]
    public async Task An_expired_link_is_gone_and_verifies_nothing()
    {
        var (resident, token) = await app.AccountWithLinkAsync(AccountLinkPurpose.VerifyEmail);
        app.Clock.Offset = TimeSpan.FromHours(48) + TimeSpan.FromMinutes(1);
        try
        {
            var refused = await VerifyAsync(token, 410);
            Assert.Equal("link-expired", (await ProblemAssert.NamesAsync(refused, 410, "token")).GetProperty("code").GetString());
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
        await using var session = app.Store.QuerySession();
        Assert.Null((await session.LoadAsync<Account>(resident.Id))!.EmailVerifiedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("%%%%")]
    public async Task A_forged_or_missing_token_is_a_bad_request_naming_the_token(string token)
    {
        var before = await app.EventCountAsync();
        await ProblemAssert.NamesAsync(await VerifyAsync(token, 400), 400, "token");
        Assert.Equal(before, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_tampered_token_a_reset_token_and_a_huge_token_verify_nothing()
    {
        var (resident, token) = await app.AccountWithLinkAsync(AccountLinkPurpose.VerifyEmail);
        var tampered = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        await ProblemAssert.NamesAsync(await VerifyAsync(tampered, 400), 400, "token");
        var reset = await app.LinkTokenAsync(resident, AccountLinkPurpose.ResetPassword);
        await ProblemAssert.NamesAsync(await VerifyAsync(reset, 400), 400, "token");
        await ProblemAssert.NamesAsync(await VerifyAsync(new string('x', 100_000), 400), 400, "token");

        await using var session = app.Store.QuerySession();
        Assert.Null((await session.LoadAsync<Account>(resident.Id))!.EmailVerifiedAt);
        await VerifyAsync(token, 200); // the real one still works
    }

    [Fact]
    public async Task A_signed_in_person_gets_the_link_again_a_few_times_an_hour_and_not_once_verified()
    {
        var email = NewEmail();
        await RegisterAsync(email);
        await app.Mail.WaitForAsync(email);
        var me = await SignedInAsync(email);

        for (var i = 0; i < 2; i++) await ResendAsync(me, 202); // the registration's link and two more: three this hour
        var limited = await ResendAsync(me, 429);
        Assert.False(string.IsNullOrEmpty(limited.Context.Response.Headers.RetryAfter));

        var mails = await app.Mail.WaitForAsync(email, count: 3);
        Assert.Equal(3, mails.Count);
        await Task.Delay(1000);
        Assert.Equal(3, (await app.Mail.WaitForAsync(email, count: 4, wait: TimeSpan.FromSeconds(2))).Count);

        await VerifyAsync(AccountLinkApi.TokenIn(mails[^1], "/verify-email"), 200);
        await ProblemAssert.NamesAsync(await ResendAsync(me, 409), 409, "email-already-verified");
    }

    [Fact]
    public async Task Registration_goes_through_while_the_mail_server_is_down_and_the_email_arrives_once_it_is_back()
    {
        var email = NewEmail();
        await app.Mail.StopAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            await RegisterAsync(email);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"registration waited {watch.Elapsed} for the mail server");
            await Task.Delay(TimeSpan.FromSeconds(3)); // the first tries fail meanwhile
        }
        finally
        {
            await app.Mail.StartAsync();
        }
        var received = await app.Mail.WaitForAsync(email, wait: TimeSpan.FromSeconds(60));
        Assert.Single(received);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await app.Mail.WaitForAsync(email, count: 2, wait: TimeSpan.FromSeconds(1)));
        await VerifyAsync(AccountLinkApi.TokenIn(received[0], "/verify-email"), 200);
    }

    [Fact]
    public async Task A_link_of_an_erased_account_is_not_valid()
    {
        var (resident, token) = await app.AccountWithLinkAsync(AccountLinkPurpose.VerifyEmail);
        await app.Host.Services.GetRequiredService<PersonalData>().EraseAsync(resident.Id, CancellationToken.None);
        await ProblemAssert.NamesAsync(await VerifyAsync(token, 400), 400, "token");
    }

    private async Task<string> SignedInAsync(string email)
    {
        var result = await app.Host.Scenario(x =>
        {
            x.Post.Json(new { email, password = Password }).ToUrl("/api/accounts/token");
            x.StatusCodeShouldBeOk();
        });
        return Json.Parse(await result.ReadAsTextAsync()).GetProperty("accessToken").GetString()!;
    }

    private async Task<IScenarioResult> ResendAsync(string bearer, int status) =>
        await app.Host.Scenario(x =>
        {
            x.Post.Url("/api/accounts/me/email-verification");
            x.WithRequestHeader("Authorization", $"Bearer {bearer}");
            x.StatusCodeShouldBe(status);
        });
}
