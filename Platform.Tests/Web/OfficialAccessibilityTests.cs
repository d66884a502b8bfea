
namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0-2.2 A and AA, best practices) on the officials' pages, as an official sees them, in
/// English and French: every form, and each in a refused state (errors next to fields and in the summary).
/// Forms are submitted by their handler, not by button names, so the steps work in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OfficialAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_officials_page_and_its_refused_state_has_no_axe_violations(string language)
    {
        using var api = new BrowserApi(browser);
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var token = await api.TokenAsync(official);
        var commitment = (await api.PostAsync(token, "/api/cities/york/commitments", CommitmentApi.Body())).GetProperty("id").GetGuid();
        var draft = (await api.PostAsync(token, "/api/cities/york/consultations", new { title = "Parks after dark", description = "Lighting and opening hours." }))
            .GetProperty("id").GetGuid();
        var running = (await api.PostAsync(token, "/api/cities/york/consultations", new { title = "Libraries on Sundays" })).GetProperty("id").GetGuid();
        await api.PostAsync(token, $"/api/cities/york/consultations/{running}/open", new
        {
            closesAt = DateTimeOffset.UtcNow.AddDays(7),
            questions = new object[]
            {
                new { id = "which", text = "Which library?", kind = "singleChoice", options = new[] { "Explore York", "Tang Hall" } },
                new { id = "more", text = "Anything else?", kind = "freeText" },
            },
        });
        // Five residents answer: the smallest group whose answers officials see.
        for (var i = 0; i < 5; i++)
        {
            var residentToken = await api.TokenAsync((await browser.AccountAsync("york")).Email);
            await api.PostAsync(residentToken, $"/api/cities/york/consultations/{running}/responses", new
            {
                answers = i == 0
                    ? new object[] { new { questionId = "which", choices = new[] { "Tang Hall" } }, new { questionId = "more", text = "Open at nine." } }
                    : new object[] { new { questionId = "which", choices = new[] { "Explore York" } } },
            });
        }
        var scheduled = (await api.PostAsync(token, "/api/cities/york/town-halls", TownHallApi.ScheduleBody())).GetProperty("id").GetGuid();
        var (withPoll, _) = await api.OpenTownHallWithPollAsync(token, "Which first?", ["More buses", "Safer crossings"]);
        var withoutPoll = (await api.PostAsync(token, "/api/cities/york/town-halls", TownHallApi.ScheduleBody())).GetProperty("id").GetGuid();
        await api.PostAsync(token, $"/api/cities/york/town-halls/{withoutPoll}/open");

        var violations = new List<string>();
        await browser.RunAsync(async page =>
        {
            async Task Check(string what, bool refused = false)
            {
                if (refused) await Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
                await page.AuditAsync(language, what, violations);
            }
            Task Submit(string handler = "") =>
                page.Locator(handler.Length == 0 ? "main form[method=post] button[type=submit]" : $"main form[action*='handler={handler}'] button[type=submit]").ClickAsync();

            await page.SignInAsync(official);

            await page.GotoAsync("/cities/york/commitments");
            await Check("commitments with the publish link");
            await page.GotoAsync("/cities/york/commitments/new");
            await Check("publish a commitment");
            await Submit();
            await Check("publish a commitment, refused", refused: true);
            await page.GotoAsync($"/cities/york/commitments/{commitment}");
            await Check("commitment with the officials' forms");
            await page.Locator("#progress-percent").FillAsync("140");
            await page.Locator("#progress-evidenceUrl").FillAsync("not a link");
            await Submit("Progress");
            await Check("report progress, refused", refused: true);
            await Submit("Deadline");
            await Check("change the deadline, refused", refused: true);

            await page.GotoAsync("/cities/york/consultations");
            await Check("consultations with the draft link");
            await page.GotoAsync("/cities/york/consultations/new");
            await Check("draft a consultation");
            await Submit();
            await Check("draft a consultation, refused", refused: true);
            await page.GotoAsync($"/cities/york/consultations/{draft}");
            await Check("draft consultation with the open form");
            await page.Locator("#q2-options").FillAsync("Only one");
            await Submit("Open");
            await Check("open a consultation, refused", refused: true);
            await page.GotoAsync($"/cities/york/consultations/{running}");
            await Expect(page.Locator("main")).ToContainTextAsync("Open at nine.");
            await Check("running consultation with its results and written answers");

            await page.GotoAsync("/cities/york/town-halls");
            await Check("town halls with the schedule link");
            await page.GotoAsync("/cities/york/town-halls/new");
            await Check("schedule a town hall");
            await Submit();
            await Check("schedule a town hall, refused", refused: true);
            await page.GotoAsync($"/cities/york/town-halls/{scheduled}");
            await Check("scheduled town hall with the open button");
            await page.GotoAsync($"/cities/york/town-halls/{withPoll}");
            await Check("open town hall with a poll to close");
            await page.GotoAsync($"/cities/york/town-halls/{withoutPoll}");
            await Check("open town hall with the poll form");
            await page.Locator("#options").FillAsync("Only one");
            await Submit("Poll");
            await Check("open a poll, refused", refused: true);
            await Submit("Close");
            await Check("close a town hall, refused", refused: true);
        }, language);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
