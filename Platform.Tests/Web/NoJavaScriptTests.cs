
namespace Platform.Tests.Web;

/// <summary>The resident flows are plain forms: with JavaScript off they work the same.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NoJavaScriptTests(BrowserFixture browser)
{
    [Fact]
    public async Task Raising_a_concern_works_with_JavaScript_disabled_refusal_first_then_success()
    {
        var (_, email) = await browser.AccountAsync("utrecht");
        var title = $"Unlit underpass near the station {Guid.NewGuid():N}";
        await browser.RunAsync(async page =>
        {
            Assert.False(await IsScriptRunning(page));
            await page.SignInAsync(email);
            await page.GotoAsync("/cities/utrecht/concerns/new");

            // Refused: the title is there, no right is chosen. The typed text stays in the form.
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
            await Expect(page.Locator("#rights-error")).ToBeVisibleAsync();
            await Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);

            await page.GetByLabel("Liberty and security of person").CheckAsync();
            await page.GetByLabel("Raise it anonymously").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/utrecht/concerns/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your concern is raised");
            await Expect(page.GetByText("Raised anonymously")).ToBeVisibleAsync();

            // It is in the city's list, found by its words and its right.
            await page.GotoAsync("/cities/utrecht/concerns");
            await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync(title);
            await page.GetByLabel("Right", new() { Exact = true }).SelectOptionAsync("liberty-security");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show concerns" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
            await Expect(page.GetByText("Concerns found: 1")).ToBeVisibleAsync();
        }, javaScript: false);
    }

    private static async Task<bool> IsScriptRunning(IPage page)
    {
        await page.GotoAsync("/");
        await page.SetContentAsync("<p id=x>no</p><script>document.getElementById('x').textContent='yes'</script>");
        return await page.Locator("#x").TextContentAsync() == "yes";
    }
}
