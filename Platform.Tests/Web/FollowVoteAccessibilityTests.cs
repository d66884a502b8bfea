
namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0-2.2 A and AA, best practices) in English and French on the following page with items, the
/// concern and commitment pages with their follow buttons (before and after following, and as an anonymous visitor),
/// and the town-hall page with an open poll: its vote form, the form refused, and the page after voting.
/// Steps go by field id and form handler, so they work in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowVoteAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Following_and_voting_pages_have_no_axe_violations(string language)
    {
        using var api = new BrowserApi(browser);
        var raiser = await api.TokenAsync((await browser.AccountAsync("york")).Email);
        var followed = (await api.PostAsync(raiser, "/api/cities/york/concerns", ConcernApi.ValidBody($"Dark towpath by the Ouse {Guid.NewGuid():N}")))
            .GetProperty("id").GetGuid();
        var supported = (await api.PostAsync(raiser, "/api/cities/york/concerns", ConcernApi.ValidBody($"No bench at the bus stop {Guid.NewGuid():N}")))
            .GetProperty("id").GetGuid();
        var (_, resident) = await browser.AccountAsync("york");
        await api.PostAsync(await api.TokenAsync(resident), $"/api/cities/york/concerns/{supported}/supports");
        var official = await api.TokenAsync((await browser.AccountAsync("york", CityRole.Official)).Email);
        var commitment = (await api.PostAsync(official, "/api/cities/york/commitments", CommitmentApi.Body(origins: [new { kind = "concern", id = supported }])))
            .GetProperty("id").GetGuid();
        var (townHall, _) = await api.OpenTownHallWithPollAsync(official, "Which first?", ["More buses", "Safer crossings"]);

        var violations = new List<string>();
        async Task Check(IPage page, string what, bool refused = false)
        {
            if (refused) await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await page.AuditAsync(language, what, violations);
        }
        static Task Submit(IPage page, string handler) => page.Locator($"main form[action*='handler={handler}'] button[type=submit]").ClickAsync();

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/concerns/{followed}");
            // An anonymous visitor's Support and Follow are forms to sign in and come back (no post, no token: the page is cacheable).
            await Expect(page.Locator("main form[action*='sign-in'] input[name=returnUrl]")).ToHaveCountAsync(2);
            await Check(page, "concern with the follow button, anonymous");
            await page.GotoAsync($"/cities/york/town-halls/{townHall}");
            await Expect(page.Locator("a[href*='sign-in']").Last).ToBeVisibleAsync();
            await Check(page, "town hall with an open poll, anonymous");
        }, language);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync($"/cities/york/concerns/{followed}");
            await Check(page, "concern with the follow button");
            await Submit(page, "Follow");
            await Expect(page.Locator("main form[action*='handler=Unfollow']")).ToHaveCountAsync(1);
            await Check(page, "concern followed, with the stop-following button and the confirmation");

            await page.GotoAsync($"/cities/york/commitments/{commitment}");
            await Expect(page.Locator("main form[action*='handler=Unfollow']")).ToHaveCountAsync(1); // followed through the supported concern
            await Check(page, "commitment followed automatically");
            await Submit(page, "Unfollow");
            await Expect(page.Locator("main form[action*='handler=Follow']")).ToHaveCountAsync(1);
            await Check(page, "commitment with the follow button");
            await Submit(page, "Follow");

            await page.GotoAsync("/following");
            await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(2);
            await Check(page, "following page with a concern and a commitment");

            await page.GotoAsync($"/cities/york/town-halls/{townHall}");
            await Expect(page.Locator("input[type=radio]")).ToHaveCountAsync(2);
            await Check(page, "town hall with the vote form");
            await Submit(page, "Vote");
            await Check(page, "vote refused: no option chosen", refused: true);
            await page.Locator("#option").CheckAsync();
            await Submit(page, "Vote");
            await Expect(page.Locator("input[type=radio]")).ToHaveCountAsync(0);
            await Check(page, "town hall after voting");
        }, language);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
