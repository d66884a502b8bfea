namespace Platform.Tests.Web;

/// <summary>
/// The organisation pages in a real browser: the whole path from registration to a shadow report on the annual report
/// through plain forms with JavaScript off, a member removing another (the last member stays), and axe (no violations)
/// on every organisation page and the shadow report page, also in their error states, in the four languages (and on the
/// annual report listing the shadow report, in English, the one language that report is written in).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationPagesTests(BrowserFixture browser)
{
    private static int LastYear => DateTimeOffset.UtcNow.Year - 1;

    [Fact]
    public async Task From_registration_to_a_shadow_report_on_the_annual_report_through_plain_forms_with_JavaScript_off()
    {
        var (_, founder) = await browser.AccountAsync("york");
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var (_, moderator) = await browser.AccountAsync("york", CityRole.Moderator);
        var name = $"Clifton Carers {Guid.NewGuid():N}"[..30];
        var title = $"Carers are not counted {Guid.NewGuid():N}"[..36];
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(founder);
            await page.GotoAsync("/cities/york/organisations/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Register the organisation" }).ClickAsync();
            await Expect(page.Locator("#name-error")).ToBeVisibleAsync();
            await page.GetByLabel("Name of the organisation").FillAsync(name);
            await page.GetByLabel("Civil-society organisation").CheckAsync();
            await page.GetByLabel("What the organisation does").FillAsync("Unpaid carers of Clifton, helping each other.");
            await page.GetByLabel("Older people").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Register the organisation" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/organisations/[0-9a-f-]{36}$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The organisation is registered");
            var organisation = page.Url;

            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/organisations/queue");
            await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Verify the organisation" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The organisation is verified");

            await page.SignInAsync(founder);
            await page.GotoAsync(organisation);
            await page.GetByRole(AriaRole.Link, new() { Name = "Raise a concern on behalf of the organisation" }).ClickAsync();
            await page.GetByLabel("Older people").CheckAsync();
            await page.GetByLabel("Title").FillAsync("No benches on the way to the surgery");
            await page.GetByLabel("Adequate housing", new() { Exact = true }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/concerns/[0-9a-f-]{36}$"));
            await Expect(page.Locator(".on-behalf")).ToContainTextAsync(name);
            await Expect(page.Locator(".on-behalf")).ToContainTextAsync("Older people");

            await page.GotoAsync(organisation);
            await page.GetByRole(AriaRole.Link, new() { Name = "Publish a shadow report" }).ClickAsync();
            await page.GetByLabel("Title").FillAsync(title);
            await page.GetByLabel("On the self-assessment").FillAsync("Carers were never asked.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish the shadow report" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/reports/{LastYear}/shadow/[0-9a-f-]{{36}}$"));
            var report = page.Url;
            await page.GetByLabel("What the correction changes (optional)").FillAsync("A sentence added.");
            await page.Locator("#assessment").FillAsync("Carers were never asked. Nor were their doctors.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Publish the correction" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Earlier versions" })).ToBeVisibleAsync();
            await Expect(page.Locator("main p", new() { HasText = "Nor were their doctors." })).ToBeVisibleAsync();

            await page.GotoAsync($"/cities/york/reports/{LastYear}");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();

            // The council sees no form to change it; a moderator hides it with a public reason.
            await page.SignInAsync(official);
            await page.GotoAsync(report);
            await Expect(page.Locator("form")).ToHaveCountAsync(2); // the language switcher and signing out only
            await page.SignInAsync(moderator);
            await page.GotoAsync(report);
            await page.GetByLabel("Which content rule it breaks (shown to everyone)").FillAsync("It names a carer's patient.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Hide the shadow report" }).ClickAsync();
            await Expect(page.GetByText("It names a carer's patient.")).ToBeVisibleAsync();
        }, javaScript: false);
    }

    [Fact]
    public async Task A_member_removes_another_member_from_the_page_and_the_last_member_stays()
    {
        var (founderId, founder) = await browser.AccountAsync("york");
        var (memberId, memberEmail) = await browser.AccountAsync("york");
        var (_, outsider) = await browser.AccountAsync("york", CityRole.VerifiedResident);
        using var api = await browser.ApiClientAsync(founder);
        var registered = await api.PostAsJsonAsync("/api/cities/york/organisations", OrganisationApi.Body($"Foxwood Tenants {Guid.NewGuid():N}"[..30]));
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await api.PostAsJsonAsync($"/api/cities/york/organisations/{id}/members", new { email = memberEmail })).EnsureSuccessStatusCode();
        var url = $"/cities/york/organisations/{id}";
        async Task<int> MembersAsync() => (await api.GetFromJsonAsync<JsonElement>($"/api/{url[1..]}")).GetProperty("members").GetArrayLength();

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(founder);
            await page.GotoAsync(url);
            var removals = page.Locator("main form[action*='handler=RemoveMember']");
            await Expect(removals).ToHaveCountAsync(2);
            await Expect(removals.GetByRole(AriaRole.Button, new() { Name = "Leave the organisation" })).ToHaveCountAsync(1);
            await removals.Filter(new() { Has = page.Locator($"input[value='{memberId}']") }).GetByRole(AriaRole.Button).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The member is removed");
            await Expect(removals).ToHaveCountAsync(0); // the last member stays: no form offers to remove them
            Assert.Equal(1, await MembersAsync());

            // Forged: the last member removing themselves is refused on the page, and a resident who is no member is refused.
            var (status, _) = await page.PostFormAsync($"{url}?handler=RemoveMember", new Dictionary<string, string> { ["memberId"] = founderId.ToString() });
            Assert.Equal(200, status);
            await page.SignInAsync(outsider);
            await page.GotoAsync("/cities/york/organisations/new");
            (status, _) = await page.PostFormAsync($"{url}?handler=RemoveMember", new Dictionary<string, string> { ["memberId"] = founderId.ToString() });
            Assert.Equal(404, status); // a waiting organisation is seen by its members and verifiers only
        }, javaScript: false);
        Assert.Equal(1, await MembersAsync());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("uk")]
    public async Task Every_organisation_page_and_the_shadow_report_page_have_no_axe_violations(string language)
    {
        var (_, founder) = await browser.AccountAsync("york");
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var (_, moderator) = await browser.AccountAsync("york", CityRole.Moderator);
        var (_, second) = await browser.AccountAsync("york");
        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/cities/york/organisations");
            await check("organisations");
            await page.SignInAsync(founder);
            await page.GotoAsync("/cities/york/organisations/new");
            await check("register an organisation");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("register an organisation, refused");
            await page.Locator("#name").FillAsync($"Axe forum {Guid.NewGuid():N}"[..20]);
            await page.Locator("#kind").CheckAsync();
            await page.Locator("#description").FillAsync("Checked by axe.");
            await page.Locator("#groups-disability").CheckAsync();
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !url.EndsWith("/new"));
            await check("organisation, waiting");
            var organisation = page.Url;

            await page.SignInAsync(official);
            await page.GotoAsync("/cities/york/organisations/queue");
            await check("verification queue");
            await page.GotoAsync(organisation);
            await check("organisation, for its verifier");
            await page.Locator("main form[action*='handler=Decline'] button[type=submit]").ClickAsync();
            await check("organisation, declining refused");
            await page.Locator("main form[action*='handler=Verify'] button[type=submit]").ClickAsync();
            await check("organisation, verified");

            await page.SignInAsync(founder);
            await page.GotoAsync(organisation);
            await page.Locator("#email").FillAsync(second);
            await page.Locator("main form[action*='handler=AddMember'] button[type=submit]").ClickAsync();
            await check("organisation, for its member, with the forms removing members");
            await page.GotoAsync(organisation + "/concerns/new");
            await check("raise on behalf");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("raise on behalf, refused");
            await page.GotoAsync(organisation + "/shadow-reports/new");
            await check("publish a shadow report");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await check("publish a shadow report, refused");
            await page.Locator("#title").FillAsync("Axe report");
            await page.Locator("#indicators").FillAsync("Checked.");
            await page.Locator("main form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/shadow/"));
            await check("shadow report, for its organisation");
            var report = page.Url;
            await page.Locator("#title").FillAsync("");
            await page.Locator("main form[action*='handler=Correct'] button[type=submit]").ClickAsync();
            await check("shadow report, correction refused");
            if (language == "en") // the annual report is written in English only (html lang="en"), whatever the visitor's language
            {
                await page.GotoAsync($"/cities/york/reports/{LastYear}");
                await Expect(page.Locator("main")).ToContainTextAsync("Axe report");
                await check("the year's annual report, with its shadow reports");
            }

            await page.SignInAsync(moderator);
            await page.GotoAsync(report);
            await check("shadow report, for a moderator");
            await page.Locator("#hide-reason").FillAsync("Checked by axe.");
            await page.Locator("main form[action*='handler=Hide'] button[type=submit]").ClickAsync();
            await check("shadow report, hidden");
        });
    }
}
