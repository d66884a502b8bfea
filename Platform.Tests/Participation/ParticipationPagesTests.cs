namespace Platform.Tests.Participation;

/// <summary>
/// The equal-participation pages in a browser (docs/participation.md): the profile form works without JavaScript
/// (refused without consent, saved with it, withdrawn), and axe finds no violation on the profile and participation
/// pages, nor on the officials' population and assisted-concern pages and the consultation's assisted answer form, in the
/// four languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ParticipationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_profile_form_refuses_without_consent_saves_with_it_and_withdraws_without_JavaScript()
    {
        var (id, email) = await browser.AccountAsync("york");
        var pseudonym = browser.Services.GetRequiredService<Platform.Api.Accounts.Pseudonyms>().Of(id);
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/account");
            await page.GetByRole(AriaRole.Link, new() { Name = "Your participation profile (optional)" }).ClickAsync();
            await page.Locator("#gender-woman").CheckAsync();
            await page.Locator("#ageBand-65-plus").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
            await Expect(page.Locator("#consent-error")).ToBeVisibleAsync();
            Assert.Equal(0, await ParticipationApi.ProfilesOfAsync(pseudonym, BrowserFixture.Schema));

            await page.Locator("#gender-woman").CheckAsync();
            await page.Locator("#consent").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Save my profile" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your participation profile is saved.");
            await Expect(page.Locator("#gender-woman")).ToBeCheckedAsync();
            Assert.Equal(1, await ParticipationApi.ProfilesOfAsync(pseudonym, BrowserFixture.Schema));

            await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my profile" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your participation profile is deleted.");
            await Expect(page.Locator("#gender-none")).ToBeCheckedAsync();
            Assert.Equal(0, await ParticipationApi.ProfilesOfAsync(pseudonym, BrowserFixture.Schema));
        }, javaScript: false);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("uk")]
    public async Task The_profile_and_participation_pages_have_no_axe_violations(string language)
    {
        var (_, email) = await browser.AccountAsync("york");
        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/cities/york/participation");
            await Expect(page.Locator("main table").First).ToBeVisibleAsync();
            await check("participation");
            await page.GotoAsync("/cities/york/scorecard");
            await check("scorecard with who takes part");

            await page.SignInAsync(email);
            await page.GotoAsync("/account/profile");
            await check("profile");
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await Expect(page.Locator("#consent-error")).ToBeVisibleAsync();
            await check("profile, refused");
            await page.Locator("#consent").CheckAsync();
            await page.Locator("main form button[type=submit]").First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
            await check("profile, saved");
            await page.GotoAsync("/cities/york/concerns/new");
            await check("raise a concern, with its groups");
        });
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("uk")]
    public async Task The_officials_population_and_assisted_pages_have_no_axe_violations(string language)
    {
        var (_, email) = await browser.AccountAsync("york", CityRole.Official);
        using var api = await browser.ApiClientAsync(email);
        var raised = await api.PostAsJsonAsync("/api/cities/york/concerns", new { title = $"No ramp at the pool {Guid.NewGuid():N}", rights = new[] { "disability-inclusion" } });
        var concern = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var drafted = await api.PostAsJsonAsync("/api/cities/york/consultations", new { title = $"Getting around {Guid.NewGuid():N}", description = "Tell us." });
        var consultation = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/cities/york/consultations/{consultation}/open", ConsultationApi.OpenBody())).EnsureSuccessStatusCode();
        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/cities/york/council/population");
            await check("population shares");
            await page.Locator("#source\\.year").FillAsync("1800");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("[id='source.year-error']")).ToBeVisibleAsync();
            await check("population shares, refused");

            await page.GotoAsync("/cities/york/assisted");
            await check("assisted concern");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await Expect(page.Locator("[id='consentNote-error']")).ToBeVisibleAsync();
            await check("assisted concern, refused");

            await page.GotoAsync($"/cities/york/concerns/{concern}");
            await Expect(page.Locator("#assist-consent")).ToBeVisibleAsync();
            await Expect(page.Locator("#groups")).ToBeVisibleAsync();
            await check("concern with the groups and assisted support forms");

            await page.GotoAsync($"/cities/york/consultations/{consultation}");
            await Expect(page.Locator("#assist-consent")).ToBeVisibleAsync();
            await check("consultation with the assisted answer form");
            await page.Locator("main form[action*='handler=Assist'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("[id='assist-consent-error']")).ToBeVisibleAsync();
            await check("consultation, assisted answer refused");
        });
    }
}
