
namespace Platform.Tests.Web;

/// <summary>The language switcher, formats per culture, content kept as written, and the localized not-found page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_switcher_changes_the_language_of_the_pages_but_not_of_the_content_or_the_API()
    {
        var (_, email) = await browser.AccountAsync("york");
        var title = $"Bus shelter glass broken {Guid.NewGuid():N}";
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            var id = await page.RaiseConcernAsync("york", title);

            await page.GetByRole(AriaRole.Button, new() { Name = "Français" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/concerns/{id}$")); // back on the same page
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Droits en jeu" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title); // content stays as written
            var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            await Expect(page.GetByText($"Soulevée le {today.ToString("D", System.Globalization.CultureInfo.GetCultureInfo("fr"))}")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Français" })).ToHaveAttributeAsync("aria-current", "true");

            await page.GetByRole(AriaRole.Button, new() { Name = "Українська" }).ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "uk");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Порушені права" })).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Button, new() { Name = "Nederlands" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Deze zorg steunen" })).ToBeVisibleAsync();

            // The API answers the same whatever language the pages use.
            var api = await page.APIRequest.GetAsync("/api/cities/york/concerns?page=0");
            Assert.Equal(400, api.Status);
            Assert.Contains("The page number is a whole number from 1.", await api.TextAsync());
        }, javaScript: false);
    }

    [Theory]
    [InlineData("/cities/atlantis/concerns")]
    [InlineData("/cities/york/concerns/01a21111-1111-7111-8111-111111111111")]
    public async Task Unknown_cities_and_concerns_show_the_not_found_page_in_the_pages_language(string path)
    {
        await browser.RunAsync(async page =>
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page introuvable");
        }, language: "fr");
    }
}
