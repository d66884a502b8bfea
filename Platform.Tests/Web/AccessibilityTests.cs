
namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, plus best practices) on every page of the resident
/// flows, in English and French, also in their error states: zero violations. New pages add their visits here.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_resident_page_has_no_axe_violations(string language)
    {
        var (_, email) = await browser.AccountAsync("york");
        var (_, other) = await browser.AccountAsync("york");
        var consultation = await OpenConsultationAsync();
        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/");
            await check("home");
            await page.GotoAsync("/cities/atlantis/concerns");
            await check("not found");
            await page.GotoAsync("/register");
            await check("register");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("register, refused");
            await page.GotoAsync("/sign-in");
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync("not the password");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("sign-in, refused");

            await page.SignInAsync(email);
            await page.GotoAsync("/cities/york/concerns/new");
            await check("raise a concern");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("raise a concern, refused");
            await page.Locator("#title").FillAsync($"Benches removed from the park {Guid.NewGuid():N}");
            await page.Locator("#rights").CheckAsync();
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.EndsWith("/new"));
            await check("concern, just raised");
            var concern = page.Url;

            await page.GotoAsync("/cities/york/concerns");
            await check("concern list");
            await page.GotoAsync("/cities/york/proposals/new");
            await check("submit a proposal");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("submit a proposal, refused");
            await page.Locator("#title").FillAsync($"Drinking fountains in every park {Guid.NewGuid():N}");
            await page.Locator("#rights").CheckAsync();
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.EndsWith("/new"));
            await check("proposal, just submitted");
            await page.GotoAsync("/cities/york/proposals");
            await check("proposal list");
            await page.GotoAsync("/cities/york/consultations");
            await check("consultation list");
            if (consultation is not null)
            {
                await page.GotoAsync(consultation);
                await check("consultation, answering");
            }
            await page.GotoAsync("/cities/york/concerns?status=nonsense&page=x");
            await check("concern list, refused filters");
            await page.GotoAsync("/cities/utrecht/concerns/new");
            await check("forbidden");

            await page.SignInAsync(other);
            await page.GotoAsync(concern);
            await page.Locator("main form[action*='handler=Support'] button[type=submit]").ClickAsync();
            await check("concern, supported");
        });
    }

    /// <summary>An open consultation with one question of each kind (through the API); its page's path.</summary>
    private async Task<string?> OpenConsultationAsync()
    {
        var (_, officialEmail) = await browser.AccountAsync("york", Platform.Domain.Accounts.CityRole.Official);
        using var official = await browser.ApiClientAsync(officialEmail);
        var drafted = await official.PostAsJsonAsync("/api/cities/york/consultations", new { title = "Parks for everyone", description = "Tell us what you need." });
        var id = (await drafted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        (await official.PostAsJsonAsync($"/api/cities/york/consultations/{id}/open", new
        {
            closesAt = DateTimeOffset.UtcNow.AddDays(14),
            questions = new object[]
            {
                new { id = "park", text = "Which park do you use?", kind = "singleChoice", options = new[] { "Rowntree", "Museum Gardens" } },
                new { id = "needs", text = "What is missing?", kind = "multipleChoice", options = new[] { "benches", "toilets" } },
                new { id = "safe", text = "How safe do you feel there?", kind = "scale", options = Array.Empty<string>() },
                new { id = "more", text = "Anything else?", kind = "freeText" },
            },
        })).EnsureSuccessStatusCode();
        return $"/cities/york/consultations/{id}";
    }
}
