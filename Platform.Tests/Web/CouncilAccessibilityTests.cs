
namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0-2.2 A and AA, best practices) on the officials' pages, in English and French: the
/// council's work queue (with a concern and a proposal in it), the concern page with the council's and the
/// moderator's forms, its refused state, a hidden concern with the restore form, and the proposal page with
/// the decision forms and their refused state. Zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task The_council_pages_have_no_axe_violations(string language)
    {
        using var scene = await CouncilScene.CreateAsync(browser, threshold: 1, officialModerates: true);
        var concern = await scene.RaiseConcernAsync($"Blocked ramp at the health centre {Guid.NewGuid():N}");
        var acknowledged = await scene.RaiseConcernAsync($"No shade in the bus station {Guid.NewGuid():N}");
        var hidden = await scene.RaiseConcernAsync($"A concern to hide {Guid.NewGuid():N}");
        var proposal = await scene.ProposalPastThresholdAsync($"Open school playgrounds after hours {Guid.NewGuid():N}");
        var officialToken = await scene.Api.TokenAsync(scene.Official);
        await scene.Api.PostAsync(officialToken, $"/api/cities/{scene.City}/concerns/{acknowledged}/acknowledgement", new { department = "Transport" });
        await scene.Api.PostAsync(officialToken, $"/api/cities/{scene.City}/concerns/{hidden}/hiding", new { reason = "Names a private person." });

        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.SignInAsync(scene.Official);
            await page.GotoAsync($"/cities/{scene.City}/council");
            await Expect(page.Locator("#concerns-heading + p + ul > li")).ToHaveCountAsync(2);
            await Expect(page.Locator("#proposals-heading + ul > li")).ToHaveCountAsync(1);
            await check("work queue");

            await page.GotoAsync($"/cities/{scene.City}/concerns/{concern}");
            await Expect(page.Locator("#department")).ToBeVisibleAsync();
            await Expect(page.Locator("#hide-reason")).ToBeVisibleAsync();
            await check("concern with the council's forms");

            // Refused: decline without a reason (by field id: the words are French in one run).
            await page.Locator("form:has(#decline-reason) button[type=submit]").ClickAsync();
            await Expect(page.Locator("#decline-reason-error")).ToBeVisibleAsync();
            await check("concern, refused decline");

            await page.GotoAsync($"/cities/{scene.City}/concerns/{acknowledged}");
            await page.Locator("form:has(#answer) button[type=submit]").ClickAsync();
            await Expect(page.Locator("#answer-error")).ToBeVisibleAsync();
            await check("acknowledged concern, refused answer");

            await page.GotoAsync($"/cities/{scene.City}/concerns/{hidden}");
            await Expect(page.Locator("#restore-reason")).ToBeVisibleAsync();
            await check("hidden concern with the restore form");

            await page.GotoAsync($"/cities/{scene.City}/proposals/{proposal}");
            await Expect(page.Locator("#decision")).ToBeVisibleAsync();
            await check("proposal with the decision forms");

            await page.Locator("form:has(#decision) button[type=submit]").ClickAsync();
            await Expect(page.Locator("#decision-error")).ToBeVisibleAsync();
            await check("proposal, refused acceptance");
        });
    }
}
