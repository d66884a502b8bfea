
namespace Platform.Tests.Web;

/// <summary>A moderator removes a concern's text from its page: the reason is asked, the page then says so in its language.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RedactionPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Text removed by a moderator")]
    [InlineData("fr", "Texte retiré par un modérateur")]
    public async Task A_moderator_removes_a_concerns_text_with_a_reason_and_the_page_says_so(string language, string heading)
    {
        using var scene = await CouncilScene.CreateAsync(browser, officialModerates: true);
        var words = $"Phone 0{Random.Shared.Next(100_000_000, 999_999_999)} for the landlord";
        var id = await scene.RaiseConcernAsync(words);
        var violations = new List<string>();

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/concerns/{id}");
            var form = page.Locator("form[action*='handler=Redact']");
            await form.Locator("button[type=submit]").ClickAsync(); // no reason: refused next to the field
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await page.AuditAsync(language, "concern, redaction refused", violations);

            await page.Locator("#redact-reason").FillAsync("A private phone number.");
            await page.Locator("form[action*='handler=Redact'] button[type=submit]").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            await Expect(page.Locator("main")).Not.ToContainTextAsync(words);
            await Expect(page.Locator("form[action*='handler=Redact']")).ToHaveCountAsync(0);
            await page.AuditAsync(language, "concern, redacted", violations);
        }, language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
