
namespace Platform.Tests.Web;

/// <summary>
/// Following on the pages: the Follow / Stop following button of the concern and commitment pages, and the
/// resident's own list at <c>/following</c> (the API's <c>GET /api/accounts/me/following</c>), checked against the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowingPagesTests(BrowserFixture browser)
{
    private async Task<Guid> RaiseAsync(BrowserApi api, string title)
    {
        var raiser = await api.TokenAsync((await browser.AccountAsync("york")).Email);
        return (await api.PostAsync(raiser, "/api/cities/york/concerns", ConcernApi.ValidBody(title))).GetProperty("id").GetGuid();
    }

    /// <summary>The resident's following list as the API answers it.</summary>
    private async Task<JsonElement[]> FollowingAsync(string email)
    {
        using var client = await browser.ApiClientAsync(email);
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/accounts/me/following");
        return answer.GetProperty("items").EnumerateArray().ToArray();
    }

    private static ILocator Row(IPage page, string title) => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = title }) });

    [Fact]
    public async Task A_resident_follows_a_concern_sees_the_councils_answer_on_the_following_page_and_stops_following()
    {
        using var api = new BrowserApi(browser);
        var title = $"Broken lift at Foss Islands {Guid.NewGuid():N}";
        var concern = await RaiseAsync(api, title);
        var (_, resident) = await browser.AccountAsync("york");
        var official = await api.TokenAsync((await browser.AccountAsync("york", CityRole.Official)).Email);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync($"/cities/york/concerns/{concern}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You follow this concern");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop following" })).ToBeVisibleAsync();
            Assert.Contains(await FollowingAsync(resident), i => i.GetProperty("id").GetGuid() == concern);

            // Elsewhere, an official of York answers it through the API.
            await api.PostAsync(official, $"/api/cities/york/concerns/{concern}/answer", new { answer = "The lift is repaired on Monday." });

            await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "What I follow" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/following$"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("What I follow");
            var row = Row(page, title);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("York");
            await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("Answered");
            await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("Answered,");
            await Expect(row.Locator("time")).ToHaveCountAsync(1);

            // Its link leads to the concern, where the resident stops following it.
            await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/concerns/{concern}$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop following" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You no longer follow this concern.");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true })).ToBeVisibleAsync();

            await page.GotoAsync("/following");
            await Expect(Row(page, title)).ToHaveCountAsync(0);
            await Expect(page.GetByText("You follow nothing yet.")).ToBeVisibleAsync();
        });
        Assert.DoesNotContain(await FollowingAsync(resident), i => i.GetProperty("id").GetGuid() == concern);
    }

    [Fact]
    public async Task A_commitment_answering_a_supported_concern_is_followed_automatically_until_the_resident_stops()
    {
        using var api = new BrowserApi(browser);
        var title = $"No shelter at the Tang Hall stop {Guid.NewGuid():N}";
        var concern = await RaiseAsync(api, title);
        var (_, resident) = await browser.AccountAsync("york");
        await api.PostAsync(await api.TokenAsync(resident), $"/api/cities/york/concerns/{concern}/supports");
        var official = await api.TokenAsync((await browser.AccountAsync("york", CityRole.Official)).Email);
        var commitment = (await api.PostAsync(official, "/api/cities/york/commitments", CommitmentApi.Body(origins: [new { kind = "concern", id = concern }])))
            .GetProperty("id").GetGuid();
        const string commitmentTitle = "Step-free access at every Tang Hall bus stop";

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync("/following");
            var row = Row(page, commitmentTitle);
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("followed because you support a concern it answers");
            await Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("On track");
            await Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToContainTextAsync("Published,");

            await row.GetByRole(AriaRole.Link, new() { Name = commitmentTitle }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/commitments/{commitment}$"));
            await page.GetByRole(AriaRole.Button, new() { Name = "Stop following" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You no longer follow this commitment.");

            await page.GotoAsync("/following");
            await Expect(Row(page, commitmentTitle)).ToHaveCountAsync(0);

            // And back: following it again by choice.
            await page.GotoAsync($"/cities/york/commitments/{commitment}");
            await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("You follow this commitment");
            await page.GotoAsync("/following");
            await Expect(Row(page, commitmentTitle)).Not.ToContainTextAsync("followed because you support");
        });
        var item = Assert.Single(await FollowingAsync(resident), i => i.GetProperty("id").GetGuid() == commitment);
        Assert.False(item.GetProperty("automatic").GetBoolean());
    }

    [Fact]
    public async Task An_anonymous_click_on_Follow_goes_to_sign_in_and_back_to_the_concern()
    {
        using var api = new BrowserApi(browser);
        var title = $"Flooded underpass on Water End {Guid.NewGuid():N}";
        var concern = await RaiseAsync(api, title);
        var (_, resident) = await browser.AccountAsync("york");

        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/concerns/{concern}");
            await Expect(page.GetByText("You will be asked to sign in first.").First).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
            Assert.Empty(await FollowingAsync(resident)); // nothing was followed on the way

            await page.GetByLabel("Email address").FillAsync(resident);
            await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/cities/york/concerns/{concern}$"));

            await page.GetByRole(AriaRole.Button, new() { Name = "Follow", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop following" })).ToBeVisibleAsync();
        });
        Assert.Contains(await FollowingAsync(resident), i => i.GetProperty("id").GetGuid() == concern);
    }
}
