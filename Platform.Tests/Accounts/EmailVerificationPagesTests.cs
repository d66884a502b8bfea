using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// The verification pages in a browser without JavaScript, with axe on every state: the account page says the address
/// is not verified and sends the link again; the link's page verifies it with a button, once; the account page then says
/// it is verified.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmailVerificationPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("uk")]
    public async Task A_resident_verifies_their_address_from_the_link_once_and_the_account_page_says_so(string language)
    {
        var (id, email) = await browser.AccountAsync("lviv");
        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/account");
            var resend = page.Locator("main form[action*='handler=SendVerification'] button[type=submit]");
            await Expect(resend).ToBeVisibleAsync();
            await page.AuditAsync(language, "account, address not verified", violations);
            await resend.ClickAsync();
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await page.AuditAsync(language, "account, link sent again", violations);

            var token = await AccountLinkApi.LinkTokenAsync(browser.Services, id, AccountLinkPurpose.VerifyEmail);
            await page.GotoAsync($"/verify-email?token={token}");
            await page.AuditAsync(language, "verify the address", violations);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await page.AuditAsync(language, "address verified", violations);

            await page.GotoAsync("/account");
            await Expect(page.Locator("main form[action*='handler=SendVerification']")).ToHaveCountAsync(0);
            await Expect(page.Locator("section[aria-labelledby=email-heading]")).ToContainTextAsync(email);

            await page.GotoAsync($"/verify-email?token={token}");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await Expect(page.Locator("main a[href='/account#email-heading']")).ToBeVisibleAsync();
            await page.AuditAsync(language, "verify, link used", violations);
        }, language, javaScript: false);
        Assert.True(violations.Count == 0, string.Join("\n", violations));

        await using var session = browser.Store.QuerySession();
        Assert.NotNull((await session.LoadAsync<Account>(id))!.EmailVerifiedAt);
    }
}
