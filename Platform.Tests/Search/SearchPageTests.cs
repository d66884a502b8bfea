namespace Platform.Tests.Search;

/// <summary>The search page in a real browser without JavaScript: reached from the city's sections, in English and French, axe-clean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_visitor_searches_from_the_citys_sections_and_sees_ranked_marked_results_without_javascript()
    {
        var (_, email) = await browser.AccountAsync("york");
        var word = "pg" + Guid.NewGuid().ToString("N")[..10];
        using var api = await browser.ApiClientAsync(email);
        async Task RaiseAsync(string title, string description) =>
            (await api.PostAsJsonAsync("/api/cities/york/concerns", new { title, description, rights = new[] { "housing" } })).EnsureSuccessStatusCode();
        await RaiseAsync($"Damp flats on {word} street", "Mould in every bedroom.");
        await RaiseAsync("Broken heating", $"The boiler of {word} house <b>fails</b> & nobody comes.");

        // Without JavaScript: plain links and a GET form.
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/concerns");
            await page.GetByRole(AriaRole.Navigation, new() { Name = "Sections of York" }).GetByRole(AriaRole.Link, new() { Name = "Search" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/search$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Search York" })).ToBeVisibleAsync();

            // Sent empty: the field says what is missing.
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await Expect(page.Locator("#q-error")).ToContainTextAsync("Enter the words to search for.");

            await page.GetByLabel("Words to search for").FillAsync(word);
            await page.GetByLabel("Kind").SelectOptionAsync("concern");
            await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Results: 2" })).ToBeVisibleAsync();
            var results = page.Locator("ul.card-list > li");
            // The title match first; the body match's snippet marks the word and shows the user's markup as text, never as markup.
            await Expect(results.Nth(0).GetByRole(AriaRole.Link)).ToHaveTextAsync($"Damp flats on {word} street");
            var snippet = results.Nth(1).Locator(".snippet");
            await Expect(snippet.Locator("mark")).ToHaveTextAsync(word);
            await Expect(snippet.Locator("b")).ToHaveCountAsync(0);
            await Expect(snippet).ToContainTextAsync("& nobody comes");
            await Expect(page.GetByLabel("Kind")).ToHaveValueAsync("concern"); // the filters stay as chosen

            await results.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Broken heating" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/concerns/[0-9a-f-]{36}$"));
        }, javaScript: false);

        await RaiseAsync($"Les chevaux du parc {word}", "Ils n’ont plus d’eau.");
        await browser.RunAsync(async page =>
        {
            // In French, the singular finds the plural.
            await page.GotoAsync($"/cities/york/search?q=cheval+{word}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Résultats : 1" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Les chevaux du parc {word}" })).ToBeVisibleAsync();
        }, language: "fr", javaScript: false);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_search_page_has_no_axe_violations_empty_refused_or_with_results(string language)
    {
        var (_, email) = await browser.AccountAsync("york");
        using var api = await browser.ApiClientAsync(email);
        var word = "ax" + Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 12; i++) // more than a page: the pager shows too
            (await api.PostAsJsonAsync("/api/cities/york/concerns", new { title = $"Concern {i} about {word}", description = $"<i>{word}</i> again", rights = new[] { "housing" } }))
                .EnsureSuccessStatusCode();
        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            foreach (var (what, url) in new[] { ("search", "/cities/york/search"), ("search, refused", "/cities/york/search?q=&kind=petition"),
                         ("search results", $"/cities/york/search?q={word}"), ("search, nothing found", "/cities/york/search?q=zzzqqqxxx") })
            {
                await page.GotoAsync(url);
                await page.AuditAsync(language, what, violations);
            }
        }, language: language);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
