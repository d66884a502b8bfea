
namespace Platform.Tests.Web;

/// <summary>
/// axe-core (WCAG 2.0-2.2 A and AA, best practices) on every page of the live screens and the public
/// accountability pages, in English and French: zero violations. The screens are checked once their
/// live content has been refreshed by the script, so the rendered-again markup is checked too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveAccessibilityTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_live_and_accountability_page_has_no_axe_violations(string language)
    {
        using var api = new BrowserApi(browser);
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var officialToken = await api.TokenAsync(official);
        var (townHall, poll) = await api.OpenTownHallWithPollAsync(officialToken, "Which first?", ["More buses", "Safer crossings"]);
        await api.PostAsync(await api.TokenAsync((await browser.AccountAsync("york")).Email), $"/api/cities/york/town-halls/{townHall}/polls/{poll}/votes", new { option = 0 });
        await api.PostAsync(officialToken, $"/api/cities/york/town-halls/{townHall}/polls/{poll}/close");
        await api.PostAsync(officialToken, $"/api/cities/york/town-halls/{townHall}/polls", new { question = "And then?", options = new[] { "Parks", "Libraries" } });
        var commitment = (await api.PostAsync(officialToken, "/api/cities/york/commitments", CommitmentApi.Body())).GetProperty("id").GetGuid();
        await api.PostAsync(officialToken, $"/api/cities/york/commitments/{commitment}/progress", new { percent = 40, note = "Six stops done." });

        // A concern open in York (raised in English: the step finds fields by their English labels), so the
        // city screen has its chart of open concerns by right.
        var resident = await browser.NewPageAsync();
        await resident.SignInAsync((await browser.AccountAsync("york")).Email);
        await resident.RaiseConcernAsync("york", $"Flooded underpass at Foss Islands {Guid.NewGuid():N}");
        await resident.Context.CloseAsync();

        await browser.AuditPagesAsync(language, async (page, check) =>
        {
            await page.GotoAsync("/cities/york/town-halls");
            await check("town halls");
            await page.GotoAsync($"/cities/york/town-halls/{townHall}");
            await check("town hall");
            await page.GotoAsync($"/cities/york/town-halls/{townHall}/screen");
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-refreshed", new System.Text.RegularExpressions.Regex("."));
            await check("town-hall screen");
            await page.GotoAsync("/cities/york/screen");
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-refreshed", new System.Text.RegularExpressions.Regex("."));
            await Expect(page.Locator("canvas[data-chart]")).ToBeVisibleAsync();
            await check("city screen");
            await page.GotoAsync("/cities/york/scorecard");
            await check("scorecard");
            await page.GotoAsync("/cities/york/commitments");
            await check("commitments");
            await page.GotoAsync("/cities/york/commitments?status=nonsense");
            await check("commitments, refused filter");
            await page.GotoAsync($"/cities/york/commitments/{commitment}");
            await check("commitment");
            await page.GotoAsync("/network");
            await check("network");
        });
    }
}
