using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// The verification pages in a browser with and without JavaScript (axe on every state where it runs, which needs JavaScript): the account page says the address
/// is not verified and sends the link again; the link's page verifies it with a button, once; the account page then says
/// it is verified.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailVerificationPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("uk", true)]
    [InlineData("en", false)]
    public async Task A_resident_verifies_their_address_from_the_link_once_and_the_account_page_says_so(string language, bool javaScript)
    {
        var (id, email) = await browser.AccountAsync("lviv");
        var violations = new List<string>();
        async Task Audit(IPage page, string what) { if (javaScript) await page.AuditAsync(language, what, violations); }
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/account");
            var resend = page.Locator("main form[action*='handler=SendVerification'] button[type=submit]");
            await Expect(resend).ToBeVisibleAsync();
            await Audit(page, "account, address not verified");
            await resend.ClickAsync();
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await Audit(page, "account, link sent again");

            var token = await AccountLinkApi.LinkTokenAsync(browser.Services, id, AccountLinkPurpose.VerifyEmail);
            await page.GotoAsync($"/verify-email?token={token}");
            await Audit(page, "verify the address");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await Audit(page, "address verified");

            await page.GotoAsync("/account");
            await Expect(page.Locator("main form[action*='handler=SendVerification']")).ToHaveCountAsync(0);
            await Expect(page.Locator("section[aria-labelledby=email-heading]")).ToContainTextAsync(email);

            await page.GotoAsync($"/verify-email?token={token}");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await Expect(page.Locator("main a[href='/account#email-heading']")).ToBeVisibleAsync();
            await Audit(page, "verify, link used");
        }, language, javaScript);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await using var session = browser.Store.QuerySession();
        Assert.NotNull((await session.LoadAsync<Account>(id))!.EmailVerifiedAt);
    }
}
