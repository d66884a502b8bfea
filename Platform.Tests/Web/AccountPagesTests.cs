
namespace Platform.Tests.Web;

/// <summary>
/// A resident's own account page: download their data, change the password, sign out everywhere, erase the account
/// with a confirmation; the privacy notice and the accessibility statement from every page's footer. No axe violation
/// on any of them, refused states included, in English and French.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_downloads_their_data_changes_the_password_and_erases_the_account_from_the_account_page()
    {
        var (_, email) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account");
            await Expect(page.GetByText($"Signed in as Browser test person ({email}).")).ToBeVisibleAsync();

            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download your data" }).ClickAsync());
            Assert.Equal("my-data.json", download.SuggestedFilename);
            var exported = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains(email, exported);

            // A wrong current password is refused next to its field.
            await page.GetByLabel("Current password").FillAsync("not my password");
            await page.GetByLabel("New password").FillAsync("a brand new password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }).ClickAsync();
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("The current password is not right.");

            await page.GetByLabel("Current password").FillAsync(BrowserFixture.Password);
            await page.GetByLabel("New password").FillAsync("a brand new password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Change the password" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password is changed.");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync(); // signed out

            await page.SignInAsync(email, "a brand new password");
            await page.GotoAsync("/account");
            await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("Tick the box");
            await page.GetByLabel("I want my account and my data erased.").CheckAsync();
            await page.Locator("#erasePassword").FillAsync("a brand new password");
            await page.GetByRole(AriaRole.Button, new() { Name = "Erase my account" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account and your personal data are erased.");

            await page.GotoAsync("/sign-in");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync("a brand new password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("The email or password is not right.");
        });
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_the_sign_in_in_another_browser()
    {
        var (_, email) = await browser.AccountAsync("york");
        var other = await browser.NewPageAsync();
        try
        {
            await other.SignInAsync(email);
            await browser.RunAsync(async page =>
            {
                await page.SignInAsync(email);
                await page.GotoAsync("/account");
                await page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
                await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are signed out on every device.");
            });
            await other.GotoAsync("/account");
            await Expect(other).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sign-in"));
        }
        finally
        {
            await other.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_account_privacy_and_accessibility_pages_have_no_axe_violations_and_the_footer_links_them(string language)
    {
        var (_, email) = await browser.AccountAsync("york");
        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/concerns");
            await page.Locator("footer a[href='/privacy']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/privacy$"));
            await page.AuditAsync(language, "privacy notice", violations);
            await page.Locator("footer a[href='/accessibility']").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accessibility$"));
            await page.AuditAsync(language, "accessibility statement", violations);

            await page.SignInAsync(email);
            await page.GotoAsync("/account");
            await page.AuditAsync(language, "account", violations);
            await page.Locator("form[action*='handler=Erase'] button[type=submit]").ClickAsync();
            await page.AuditAsync(language, "account, erasure refused", violations);
        }, language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
