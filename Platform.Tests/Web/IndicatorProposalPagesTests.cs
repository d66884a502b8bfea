namespace Platform.Tests.Web;

/// <summary>
/// The proposed-indicator pages in a browser: a resident proposes through the form (a refused form first, then a good
/// one), supports; an official puts it to a consultation and adopts it, and the city's set shows where it came from.
/// axe-core on every page and state, in the four languages; and the forms work without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class IndicatorProposalPagesTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("uk")]
    public async Task Proposing_supporting_and_adopting_an_indicator_through_the_pages_has_no_axe_violations(string language)
    {
        var (_, residentEmail) = await browser.AccountAsync("york", CityRole.Resident);
        var (_, officialEmail) = await browser.AccountAsync("york", CityRole.Official);
        var code = $"Y{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/cities/york/indicators/proposals");
            await check("proposals, anonymous");

            await page.SignInAsync(residentEmail);
            await page.GotoAsync("/cities/york/indicators/proposals/new");
            await check("propose form");
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await Expect(page.Locator("#name-error")).ToBeVisibleAsync();
            await Expect(page.Locator("#why-error")).ToBeVisibleAsync();
            await check("propose form, refused");

            await page.Locator("#name").FillAsync("Households waiting more than a year for social housing");
            await page.Locator("#right").SelectOptionAsync("housing");
            await page.Locator("#type").SelectOptionAsync("outcome");
            await page.Locator("#unit").FillAsync("% of households on the list");
            await page.Locator("#source").FillAsync("The council's housing register");
            await page.Locator("#why").FillAsync("Nobody follows how long families wait.");
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex(@"/cities/york/indicators/proposals/[0-9a-f-]{36}$"));
            var detail = page.Url;
            await check("proposal, just proposed");
            await page.Locator("form[action*='handler=Support'] button").ClickAsync();
            await Expect(page.Locator(".big-number")).ToContainTextAsync("1");
            await check("proposal, supported");

            await page.SignInAsync(officialEmail);
            await page.GotoAsync(detail);
            await check("proposal, council's forms");
            await page.Locator("form[action*='handler=Adopt'] button").ClickAsync();
            await Expect(page.Locator("#code-error")).ToBeVisibleAsync();
            await check("proposal, refused adoption");
            await page.Locator("#code").FillAsync(code);
            await page.Locator("#baseline-period").FillAsync("2025");
            await page.Locator("#baseline-value").FillAsync("23.5");
            await page.Locator("#department").FillAsync("Housing Services");
            await page.Locator("form[action*='handler=Adopt'] button").ClickAsync();
            await Expect(page.Locator($"a[href='/cities/york/indicators/{code}']")).ToBeVisibleAsync();
            await check("proposal, adopted");

            await page.GotoAsync("/cities/york/indicators");
            await Expect(page.Locator($"a[href='{new Uri(detail).AbsolutePath}']").First).ToBeVisibleAsync();
            await check("indicator set with a co-created indicator");
            await page.GotoAsync($"/cities/york/indicators/{code}");
            await check("co-created indicator");
        });
    }

    [Fact]
    public async Task A_resident_proposes_and_supports_without_javascript()
    {
        var (_, email) = await browser.AccountAsync("york", CityRole.Resident);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/cities/york/indicators/proposals/new");
            await page.Locator("#name").FillAsync("Ramps at every polling station");
            await page.Locator("#right").SelectOptionAsync("disability-inclusion");
            await page.Locator("#type").SelectOptionAsync("structural");
            await page.Locator("#unit").FillAsync("% of polling stations");
            await page.Locator("#source").FillAsync("Elections office");
            await page.Locator("#why").FillAsync("Wheelchair users are turned away.");
            await page.Locator("#variantOf").FillAsync("IND-068");
            await page.Locator("form.form button[type=submit]").ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Ramps at every polling station");
            await Expect(page.Locator("a[href='/api/indicators/IND-068']")).ToBeVisibleAsync();
            await page.Locator("form[action*='handler=Support'] button").ClickAsync();
            await Expect(page.Locator(".big-number")).ToHaveTextAsync("Supports: 1");
            await page.Locator("form[action*='handler=WithdrawSupport'] button").ClickAsync();
            await Expect(page.Locator(".big-number")).ToHaveTextAsync("Supports: 0");
        }, javaScript: false);
    }
}
