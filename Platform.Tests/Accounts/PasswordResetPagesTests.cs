using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// Forgotten password in a browser with and without JavaScript (axe on every state where it runs, which needs JavaScript): from the sign-in page to the request form
/// (refused empty, then the same confirmation for any address), and the link's page setting a new password (refused short),
/// which ends a sign-in made before in another browser and lets the person sign in with the new one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("fr", true)]
    [InlineData("en", false)]
    public async Task A_person_asks_for_a_link_and_sets_a_new_password_that_ends_their_earlier_sign_ins(string language, bool javaScript)
    {
        const string newPassword = "a-new-browser-password";
        var (id, email) = await browser.AccountAsync("york");
        var violations = new List<string>();
        async Task Audit(IPage page, string what) { if (javaScript) await page.AuditAsync(language, what, violations); }
        var earlier = await browser.NewPageAsync(language, javaScript);
        await earlier.SignInAsync(email);
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/sign-in");
            await page.Locator("main a[href='/forgot-password']").ClickAsync();
            await Audit(page, "forgot password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#email[aria-invalid=true]")).ToBeVisibleAsync();
            await Audit(page, "forgot password, refused");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("main form button[type=submit]").ClickAsync();
            var confirmation = await page.Locator(".confirmation").InnerTextAsync();
            await Audit(page, "forgot password, sent");
            await page.Locator("#email").FillAsync($"{Guid.NewGuid():N}@nobody.test");
            await page.Locator("main form button[type=submit]").ClickAsync();
            Assert.Equal(confirmation, await page.Locator(".confirmation").InnerTextAsync());

            await page.GotoAsync("/reset-password");
            await Expect(page.Locator("main a[href='/forgot-password']")).ToBeVisibleAsync();
            await Audit(page, "reset password, no link");

            var token = await AccountLinkApi.LinkTokenAsync(browser.Services, id, AccountLinkPurpose.ResetPassword);
            await page.GotoAsync($"/reset-password?token={token}");
            await Audit(page, "reset password");
            await page.Locator("#newPassword").FillAsync("short");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#newPassword[aria-invalid=true]")).ToBeVisibleAsync();
            await Audit(page, "reset password, refused");
            await page.Locator("#newPassword").FillAsync(newPassword);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/sign-in"));
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await Audit(page, "reset password, done");
            await page.SignInAsync(email, newPassword);

            await page.GotoAsync($"/reset-password?token={token}");
            await page.Locator("#newPassword").FillAsync("another-new-password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("main a[href='/forgot-password']")).ToBeVisibleAsync();
            await Audit(page, "reset password, link used");
        }, language, javaScript);

        await earlier.GotoAsync("/account");
        Assert.Contains("/sign-in", earlier.Url);
        await earlier.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
