
namespace Platform.Tests.Web;

/// <summary>Every resident flow works with the keyboard alone, and focus is always visible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_raises_a_concern_with_Tab_Space_and_Enter_only()
    {
        var (_, email) = await browser.AccountAsync("lviv");
        var title = $"No ramp at the polyclinic {Guid.NewGuid():N}";
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/cities/lviv/concerns/new");

            // The first Tab reaches the skip link; Enter on it moves on to the main content.
            await page.Keyboard.PressAsync("Tab");
            await Expect(page.Locator(":focus")).ToHaveClassAsync("skip-link");
            await AssertFocusVisible(page);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator(":focus")).ToHaveIdAsync("main");

            await TabTo(page, "#title");
            await AssertFocusVisible(page);
            await page.Keyboard.TypeAsync(title);
            await TabTo(page, "#description");
            await page.Keyboard.TypeAsync("Typed without a mouse.");
            await TabTo(page, "#rights");
            await page.Keyboard.PressAsync("Space");
            await Expect(page.Locator("#rights")).ToBeCheckedAsync();
            await TabTo(page, "main form button[type=submit]");
            await AssertFocusVisible(page);
            await page.Keyboard.PressAsync("Enter");

            await Expect(page).ToHaveURLAsync(new Regex("/cities/lviv/concerns/[0-9a-f-]{36}(#main)?$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        });
    }

    /// <summary>Presses Tab until <paramref name="selector"/> has focus (at most 80 times: the rights list is long).</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 80; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement === document.querySelector(s)", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}.");
    }

    private static async Task AssertFocusVisible(IPage page)
    {
        var outline = await page.EvaluateAsync<string>("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth; }");
        Assert.StartsWith("solid", outline);
        Assert.DoesNotContain(" 0px", outline);
    }
}
