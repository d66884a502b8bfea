namespace Platform.Tests.Web;

/// <summary>
/// The pages of the self-assessment, the peer review, recognition, UN recommendations and the reports index, through the
/// browser without JavaScript (plain forms, post-redirect-get), each checked with axe, in the four languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssessmentPagesTests(BrowserFixture browser)
{
    /// <summary>A city of its own (the page tests must leave no open cycle in the demo's cities).</summary>
    private Task<string> CityAsync() => browser.NewCityAsync("Assessville");

    private static Task Submit(IPage page, string handler = "") =>
        page.Locator(handler.Length == 0 ? "main form[method=post] button[type=submit]" : $"main form[action*='handler={handler}'] button[type=submit]").First.ClickAsync();

    [Theory]
    [InlineData("en", "Not yet a candidate", "Candidate")]
    [InlineData("fr", "Pas encore candidate", "Candidate")]
    [InlineData("nl", "Nog geen kandidaat", "Kandidaat")]
    [InlineData("uk", "Ще не кандидат", "Кандидат")]
    public async Task An_official_runs_a_cycle_declares_the_commitment_and_records_un_recommendations_through_the_pages(string language, string notYetCandidate, string candidate)
    {
        var city = await CityAsync();
        var (_, official) = await browser.AccountAsync(city, CityRole.Official);
        using var api = new BrowserApi(browser);
        using var scene = new PageScene(browser, city, await api.TokenAsync(official));
        var (reviewed, reviewedCycle) = await scene.ToReviewAsync();

        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.SignInAsync(official);

            // Recognition: not a candidate yet; the declaration refused without its fields, then made.
            await page.GotoAsync($"/cities/{city}/recognition");
            await Expect(page.Locator("#stage")).ToHaveTextAsync(notYetCandidate);
            await check("recognition, not a candidate");
            await Submit(page);
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await check("declaration refused");
            await page.Locator("#decidedOn").FillAsync(CommitmentApi.InDays(-20));
            await page.Locator("#decisionUrl").FillAsync("https://example.org/council/decision-12");
            await Submit(page);
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();

            // A cycle started from the list, one item assessed on its page; submitting too early is refused.
            await page.GotoAsync($"/cities/{city}/assessments");
            await check("assessment cycles with the start form");
            await page.Locator("#cycle").FillAsync("2026");
            await Submit(page);
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/{city}/assessments/2026$"));
            await check("a draft with the officials' forms");
            await page.Locator("main summary").First.ClickAsync();
            await page.Locator("#i-A1-level").SelectOptionAsync("inPlaceAndEvaluated");
            await page.Locator("#i-A1-evidence").FillAsync("https://example.org/charter\nnot a link");
            await Submit(page, "Assess");
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await check("assessing an item, refused");
            await page.Locator("#i-A1-evidence").FillAsync("https://example.org/charter");
            await Submit(page, "Assess");
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();
            await Submit(page, "Submit");
            await Expect(page.Locator(".error-summary")).ToContainTextAsync("A2");

            // Now a candidate, since the cycle started.
            await page.GotoAsync($"/cities/{city}/recognition");
            await Expect(page.Locator("#stage")).ToHaveTextAsync(candidate);
            await Expect(page.Locator("#unmet li")).ToHaveCountAsync(3);
            await check("recognition, a candidate");

            // The peer review the city carries out for another city.
            await page.GotoAsync($"/cities/{city}/peer-reviews");
            await check("peer reviews to carry out");
            await page.GotoAsync($"/cities/{city}/peer-reviews/{reviewed}/{reviewedCycle}");
            await check("writing a peer review");
            await Submit(page, "Recommend");
            await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await check("drafting a recommendation, refused");
            await page.Locator("#finding-finding").FillAsync("The council meets twice a year.");
            await Submit(page, "Finding");
            await Expect(page.Locator("main")).ToContainTextAsync("The council meets twice a year.");
            await Submit(page, "Submit");
            await Expect(page.Locator(".confirmation")).ToBeVisibleAsync();

            // UN recommendations: one recorded through the form, a bad file refused with its table of problems.
            await page.GotoAsync($"/cities/{city}/un-recommendations/new");
            await check("recording a UN recommendation");
            await Submit(page);
            await check("recording a UN recommendation, refused");
            await page.Locator("#source").SelectOptionAsync("crpd");
            await page.Locator("#cycle").FillAsync("CRPD concluding observations 2017");
            await page.Locator("#text").FillAsync("Make every bus stop accessible.");
            await page.Locator("input[name=rights][value=disability-inclusion]").CheckAsync();
            await Submit(page);
            await Expect(page.Locator("main")).ToContainTextAsync("Make every bus stop accessible.");
            await check("a UN recommendation with the officials' forms");
            await page.Locator("#un-answer-response-noted").CheckAsync();
            await Submit(page, "Answer");
            await Expect(page.Locator("#un-answer-note-error")).ToBeVisibleAsync();
            await check("answering noted without a reason, refused");

            await page.GotoAsync($"/cities/{city}/un-recommendations/import");
            await page.Locator("#file").SetInputFilesAsync(new FilePayload
            {
                Name = "recommendations.csv", MimeType = "text/csv",
                Buffer = System.Text.Encoding.UTF8.GetBytes("source,cycle,text,rights\nupr,UPR 2022,Fine.,housing\nunesco,UPR 2022,Bad.,flying\n"),
            });
            await Submit(page);
            await Expect(page.Locator("#problems tbody tr")).ToHaveCountAsync(2);
            await check("an import refused, with its problems");

            await page.GotoAsync($"/cities/{city}/un-recommendations");
            await Expect(page.Locator(".card")).ToHaveCountAsync(1);
            await check("UN recommendations with their filters");
            await page.GotoAsync($"/cities/{city}/reports");
            await Expect(page.Locator($"a[href='/cities/{city}/reports/{DateTime.UtcNow.Year - 1}']").First).ToBeVisibleAsync();
            await check("the reports index");
        });
    }

    [Fact]
    public async Task A_visitor_reads_a_reviewed_cycle_and_the_recognition_page_in_ukrainian_and_never_a_draft()
    {
        var city = await CityAsync();
        var (_, official) = await browser.AccountAsync(city, CityRole.Official);
        using var api = new BrowserApi(browser);
        using var scene = new PageScene(browser, city, await api.TokenAsync(official));
        var (cycle, _) = await scene.ReviewedAsync(supported: true);
        var draft = await scene.OpenDraftAsync();

        await browser.AuditPagesAsync("uk", async (page, check) =>
        {
            await page.GotoAsync($"/cities/{city}/assessments/{cycle}");
            await Expect(page.Locator("main form[method=post]")).ToHaveCountAsync(0);
            await Expect(page.Locator("main")).ToContainTextAsync("Meet every month.");
            await Expect(page.Locator("main")).ToContainTextAsync("Рецензовано");
            await check("a reviewed cycle, read by a visitor");
            await page.GotoAsync($"/cities/{city}/assessments");
            await Expect(page.Locator("main")).Not.ToContainTextAsync(draft);
            await check("the cycles a visitor sees");
            var answer = await page.GotoAsync($"/cities/{city}/assessments/{draft}");
            Assert.Equal(404, answer!.Status);
            await page.GotoAsync($"/cities/{city}/recognition");
            await check("recognition, read by a visitor");
            await page.GotoAsync($"/cities/{city}/un-recommendations");
            await check("UN recommendations, none yet");
        });
    }
}
