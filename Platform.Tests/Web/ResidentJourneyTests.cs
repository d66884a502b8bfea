using System.Security.Claims;
using Platform.Api.Accounts;
using Platform.Api.Concerns;
using Platform.Domain.Concerns;

namespace Platform.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class ResidentJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_registers_raises_a_concern_another_supports_it_the_council_answers_and_the_first_sees_the_answer()
    {
        var title = $"Broken lift at the station {Guid.NewGuid():N}";
        var email = $"amira-{Guid.NewGuid():N}@browser.test";
        Guid concernId = default;

        // The first resident registers in York (choosing the home city) and raises a concern.
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/");
            await page.GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
            await page.GetByLabel("Your name").FillAsync("Amira");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.Locator("#password").FillAsync(BrowserFixture.Password);
            await page.GetByLabel("Your city").SelectOptionAsync("york");
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/cities/york/concerns$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account is ready");

            concernId = await page.RaiseConcernAsync("york", title);
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your concern is raised");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);

            // Still signed in when coming back later, and the answer is not there yet.
            await page.GotoAsync($"/cities/york/concerns?q={Uri.EscapeDataString(title)}");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page.GetByText("The council has not answered yet.")).ToBeVisibleAsync();
        });

        // Another resident supports it (signing in when asked, then back to the concern).
        var (_, neighbour) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/concerns/{concernId}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Support this concern" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
            await page.GetByLabel("Email address").FillAsync(neighbour);
            await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/concerns/{concernId}$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Support this concern" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your support is counted");
            await Expect(page.GetByText("Supports: 1")).ToBeVisibleAsync();
            await Expect(page.GetByText("You support this concern.")).ToBeVisibleAsync();
        });

        // An official of York answers it, through the API's own answer handler (official pages come later).
        var (officialId, _) = await browser.AccountAsync("york", CityRole.Official);
        await using (var session = browser.Store.LightweightSession("york"))
        {
            var written = await browser.Services.GetRequiredService<ConcernHandler>().Handle(
                new AnswerConcern(concernId, officialId, "The lift is repaired by the end of the month."), session, CancellationToken.None);
            Assert.False(written.IsRefused);
        }

        // The first resident sees the answer on the concern page.
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync($"/cities/york/concerns/{concernId}");
            await Expect(page.GetByText("Answered", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The council's answer" })).ToBeVisibleAsync();
            await Expect(page.GetByText("The lift is repaired by the end of the month.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Supports: 1")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task Refusals_show_next_to_their_fields_and_in_a_linked_summary_in_the_pages_language()
    {
        var (_, email) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(email);
            await page.GotoAsync("/cities/york/concerns/new");
            await page.GetByRole(AriaRole.Button, new() { Name = "Soulever la préoccupation" }).ClickAsync();

            var summary = page.GetByRole(AriaRole.Alert);
            await Expect(summary).ToContainTextAsync("Il y a un problème");
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Un titre est requis." })).ToHaveAttributeAsync("href", "#title");
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Choisissez au moins un droit en jeu." })).ToHaveAttributeAsync("href", "#rights");
            await Expect(page.Locator("#title-error")).ToHaveTextAsync("Un titre est requis.");
            await Expect(page.Locator("#title")).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(page).ToHaveTitleAsync(new Regex("^Erreur"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        }, language: "fr");
    }
}
