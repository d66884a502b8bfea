
namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0-2.2 A and AA, best practices) on the pages of the network's knowledge, in the four languages: the
/// rights index and a right's page, the good-practice library, a practice's page, the network report, and the officials'
/// publish, edit and adopt forms, also refused. Forms are submitted by their handler, so the steps work in every language.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KnowledgeAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("uk")]
    public async Task Every_page_of_the_networks_knowledge_has_no_axe_violations(string language)
    {
        using var api = new BrowserApi(browser);
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var (_, adopter) = await browser.AccountAsync("utrecht", CityRole.Official);
        var token = await api.TokenAsync(official);
        var practice = (await api.PostAsync(token, "/api/cities/york/practices", PracticeApi.Body($"Winter warm rooms {Guid.NewGuid():N}", rights: ["housing"])))
            .GetProperty("id").GetGuid();
        await api.PostAsync(token, "/api/cities/york/concerns", ConcernApi.ValidBody());
        var year = await PastYearAsync();

        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/cities/york/rights");
            await check("rights index");
            await page.GotoAsync("/cities/york/rights/mobility");
            await check("a right's page");
            await page.GotoAsync("/network/practices");
            await check("the library");
            await page.GotoAsync("/network/practices?right=flying");
            await check("the library, refused filter");
            await page.GotoAsync($"/network/practices/{practice}");
            await check("a practice");
            await page.GotoAsync($"/network/reports/{year}");
            await check("the network report");

            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/practices");
            await check("the city's practices, as an official");
            await page.GotoAsync("/cities/york/practices/new");
            await check("publish a practice");
            await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await check("publish a practice, refused");
            await page.GotoAsync($"/cities/york/practices/{practice}/edit");
            await check("edit a practice");

            await page.SignInAsync(adopter);
            await page.GotoAsync($"/network/practices/{practice}");
            await check("a practice, as another city's official");
            await page.GotoAsync($"/cities/utrecht/practices/{practice}/adopt");
            // A note longer than the limit (the field's maxlength lifted, as a client without it would send it) is refused.
            await page.Locator("#note").EvaluateAsync("e => e.removeAttribute('maxlength')");
            await page.Locator("#note").FillAsync(new string('n', Platform.Domain.GoodPractices.GoodPracticeRules.NoteMaxLength + 5));
            await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await check("adopt a practice, refused");
        });
    }

    [Fact]
    public async Task An_official_publishes_a_practice_without_javascript_and_another_city_adopts_it_from_its_page()
    {
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var (_, adopter) = await browser.AccountAsync("lviv", CityRole.Official);
        var title = $"Warm rooms in every library {Guid.NewGuid():N}";
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/rights/housing");
            await page.GetByRole(AriaRole.Link, new() { Name = "Good practices", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Publish a good practice" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("Summary").FillAsync("Eleven libraries open as warm rooms on winter evenings.");
            await page.GetByLabel("What was done").FillAsync("Libraries stayed open until 9 pm with energy advisers.");
            await page.GetByLabel("Results").FillAsync("3,400 visits; 260 households helped with their bills.");
            await page.GetByLabel("Adequate housing", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish a good practice" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The practice is published");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
            var practice = page.Url;

            await page.SignInAsync(adopter);
            await page.GotoAsync(practice);
            await page.GetByRole(AriaRole.Link, new() { Name = "Say that Lviv adopted it" }).ClickAsync();
            await page.GetByLabel("How the city takes it up (optional)").FillAsync("Six libraries during the power cuts.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Say that Lviv adopted it" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("adopted the practice");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Adopted from other cities" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        }, javaScript: false);
    }

    /// <summary>
    /// A year of the past with one city of its own in the network report (the report of the current year holds every city
    /// the test database's runs made): a fresh city's practice and concern, decided at a time in 2001 and stored as the
    /// demo stores its past, so the audited page stays the size of a real network's.
    /// </summary>
    private async Task<int> PastYearAsync()
    {
        const int year = 2001;
        var at = new DateTimeOffset(year, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var city = $"k{Guid.NewGuid():N}"[..20];
        await using (var network = browser.Store.LightweightSession())
        {
            network.Store(new Platform.Api.Cities.City { Id = city, Names = new() { ["en"] = "Pastville", ["fr"] = "Pastville" }, TimeZone = "Europe/London", RegisteredAt = at });
            await network.SaveChangesAsync();
        }
        await using var session = browser.Store.LightweightSession(city);
        var practice = Guid.CreateVersion7();
        var published = Platform.Domain.GoodPractices.GoodPracticeDecider.Decide(new Platform.Domain.GoodPractices.PublishPractice(practice, city, Guid.NewGuid(),
            new Platform.Domain.GoodPractices.PracticeInput("Street lights on every footpath", "Lights where residents asked for them.", "Mapped dark paths with residents.",
                "Fewer falls reported.", ["liberty-security"], [], [], null)), null, at);
        session.Events.StartStream<Platform.Domain.GoodPractices.GoodPractice>(practice, published.Events);
        var concern = Guid.CreateVersion7();
        var raised = Platform.Domain.Concerns.ConcernDecider.Decide(new Platform.Domain.Concerns.RaiseConcern(concern, Guid.NewGuid(), "Dark footpath to the station",
            "No light after six.", ["liberty-security"], [], null, false), null, at);
        session.Events.StartStream<Platform.Domain.Concerns.Concern>(concern, raised.Events);
        await session.SaveChangesAsync();
        Assert.Empty(published.Errors);
        Assert.Empty(raised.Errors);
        return year;
    }
}
