using Platform.Api.Accounts;

namespace Platform.Tests.Accounts;

/// <summary>
/// Forgotten password in a browser without JavaScript, with axe on every state: from the sign-in page to the request form
/// (refused empty, then the same confirmation for any address), and the link's page setting a new password (refused short),
/// which ends a sign-in made before in another browser and lets the person sign in with the new one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PasswordResetPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task A_person_asks_for_a_link_and_sets_a_new_password_that_ends_their_earlier_sign_ins(string language)
    {
        const string newPassword = "a-new-browser-password";
        var (id, email) = await browser.AccountAsync("york");
        var violations = new List<string>();
        var earlier = await browser.NewPageAsync(language, javaScript: false);
        await earlier.SignInAsync(email);
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/sign-in");
            await page.Locator("main a[href='/forgot-password']").ClickAsync();
            await page.AuditAsync(language, "forgot password", violations);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#email[aria-invalid=true]")).ToBeVisibleAsync();
            await page.AuditAsync(language, "forgot password, refused", violations);
            await page.Locator("#email").FillAsync(email);
            await page.Locator("main form button[type=submit]").ClickAsync();
            var confirmation = await page.Locator(".confirmation").InnerTextAsync();
            await page.AuditAsync(language, "forgot password, sent", violations);
            await page.Locator("#email").FillAsync($"{Guid.NewGuid():N}@nobody.test");
            await page.Locator("main form button[type=submit]").ClickAsync();
            Assert.Equal(confirmation, await page.Locator(".confirmation").InnerTextAsync());

            await page.GotoAsync("/reset-password");
            await Expect(page.Locator("main a[href='/forgot-password']")).ToBeVisibleAsync();
            await page.AuditAsync(language, "reset password, no link", violations);

            var token = await AccountLinkApi.LinkTokenAsync(browser.Services, id, AccountLinkPurpose.ResetPassword);
            await page.GotoAsync($"/reset-password?token={token}");
            await page.AuditAsync(language, "reset password", violations);
            await page.Locator("#newPassword").FillAsync("short");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#newPassword[aria-invalid=true]")).ToBeVisibleAsync();
            await page.AuditAsync(language, "reset password, refused", violations);
            await page.Locator("#newPassword").FillAsync(newPassword);
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/sign-in"));
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await page.AuditAsync(language, "reset password, done", violations);
            await page.SignInAsync(email, newPassword);

            await page.GotoAsync($"/reset-password?token={token}");
            await page.Locator("#newPassword").FillAsync("another-new-password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("main a[href='/forgot-password']")).ToBeVisibleAsync();
            await page.AuditAsync(language, "reset password, link used", violations);
        }, language, javaScript: false);

        await earlier.GotoAsync("/account");
        Assert.Contains("/sign-in", earlier.Url);
        await earlier.Context.CloseAsync();
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
