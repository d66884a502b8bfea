
namespace Platform.Tests.Web;

[Collection(BrowserCollection.Name)]
public sealed class ConsultationPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_resident_answers_a_consultation_without_JavaScript_and_amends_the_answers()
    {
        // The council drafts and opens a consultation through the API (official pages come later).
        var (_, officialEmail) = await browser.AccountAsync("york", CityRole.Official);
        using var official = await browser.ApiClientAsync(officialEmail);
        var title = $"Getting around Tang Hall {Guid.NewGuid():N}";
        var drafted = await official.PostAsJsonAsync("/api/cities/york/consultations", new { title, description = "Tell us how you travel." });
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await official.PostAsJsonAsync($"/api/cities/york/consultations/{id}/open", new
        {
            closesAt = DateTimeOffset.UtcNow.AddDays(14),
            questions = new object[]
            {
                new { id = "bus", text = "Which bus route matters most?", kind = "singleChoice", options = new[] { "6", "10", "59" } },
                new { id = "needs", text = "What would help you travel?", kind = "multipleChoice", options = new[] { "ramps", "audio", "seats" } },
                new { id = "safe", text = "How safe do you feel at stops?", kind = "scale", options = Array.Empty<string>() },
                new { id = "more", text = "Anything else?", kind = "freeText" },
            },
        });
        opened.EnsureSuccessStatusCode();

        var (_, resident) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync("/cities/york/consultations");
            await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();

            await page.GetByRole(AriaRole.Group, new() { Name = "Which bus route matters most?" }).GetByLabel("10").CheckAsync();
            await page.GetByLabel("ramps").CheckAsync();
            await page.GetByLabel("seats").CheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "How safe do you feel at stops?" }).GetByLabel("4").CheckAsync();
            await page.GetByLabel("Anything else?").FillAsync("Buses after ten at night.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your answers are recorded");

            // The stored answers come back in the form; amending replaces them.
            await Expect(page.GetByLabel("seats")).ToBeCheckedAsync();
            await Expect(page.GetByLabel("Anything else?")).ToHaveValueAsync("Buses after ten at night.");
            await page.GetByLabel("seats").UncheckAsync();
            await page.GetByRole(AriaRole.Group, new() { Name = "Which bus route matters most?" }).GetByLabel("59").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Update my answers" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your answers are updated");
            await Expect(page.GetByLabel("seats")).Not.ToBeCheckedAsync();
            await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Which bus route matters most?" }).GetByLabel("59")).ToBeCheckedAsync();
        }, javaScript: false);

        var mine = await browser.ApiClientAsync(resident);
        var stored = await mine.GetFromJsonAsync<JsonElement>($"/api/cities/york/consultations/{id}/responses/mine");
        Assert.True(stored.GetProperty("amended").GetBoolean());
        Assert.Equal("59", stored.GetProperty("answers")[0].GetProperty("choices")[0].GetString());
    }
}
