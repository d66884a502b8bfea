using Platform.Api.Cities;

namespace Platform.Tests.Web;

/// <summary>
/// Residents vote on the town-hall page (radio buttons and a Vote button, through the API's vote endpoint method):
/// the live screen open elsewhere shows each vote within a second; one vote per resident (a second attempt is
/// refused next to the options and the page shows the vote already cast); voting works without JavaScript.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TownHallVotingTests(BrowserFixture browser)
{
    private static readonly string[] Options = ["Night buses", "Safer crossings"];

    private async Task<(Guid TownHall, Guid Poll)> TownHallAsync(BrowserApi api)
    {
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        return await api.OpenTownHallWithPollAsync(await api.TokenAsync(official), "What first in Clifton?", Options);
    }

    /// <summary>The poll's tally as the API answers it (anyone may read a town hall).</summary>
    private async Task<(long Total, long[] Votes)> TallyAsync(Guid townHall, string city = "york")
    {
        using var client = new HttpClient { BaseAddress = browser.BaseAddress };
        var state = await client.GetFromJsonAsync<JsonElement>($"/api/cities/{city}/town-halls/{townHall}");
        var poll = state.GetProperty("currentPoll");
        return (poll.GetProperty("total").GetInt64(), poll.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("votes").GetInt64()).ToArray());
    }

    private static async Task VoteAsync(IPage page, string option)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = option }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
    }

    [Fact]
    public async Task Votes_on_the_page_show_on_the_screen_within_a_second_and_count_once()
    {
        using var api = new BrowserApi(browser);
        var (townHall, _) = await TownHallAsync(api);
        var address = $"/cities/york/town-halls/{townHall}";

        // Three residents, each in a browser of their own, on the town-hall page; the first has it open twice.
        var residents = new List<IPage>();
        for (var i = 0; i < 3; i++)
        {
            var page = await browser.NewPageAsync();
            await page.SignInAsync((await browser.AccountAsync("york")).Email);
            await page.GotoAsync(address);
            residents.Add(page);
        }
        var staleTab = await residents[0].Context.NewPageAsync();
        await staleTab.GotoAsync(address);

        try
        {
            await browser.RunAsync(async screen =>
            {
                await screen.GotoAsync($"{address}/screen");
                await Expect(screen.Locator("#live")).ToHaveAttributeAsync("data-watches", "1");
                await Expect(screen.Locator("[data-total]")).ToHaveTextAsync("0");

                for (var i = 0; i < residents.Count; i++)
                {
                    var refreshed = await screen.Locator("#live").GetAttributeAsync("data-refreshed");
                    var clock = Stopwatch.StartNew();
                    await VoteAsync(residents[i], Options[i % 2]);
                    await Expect(screen.Locator("[data-total]")).ToHaveTextAsync($"{i + 1}", new() { Timeout = 1_000 });
                    Assert.True(clock.ElapsedMilliseconds < 1_000, $"vote {i + 1} took {clock.ElapsedMilliseconds} ms to show");
                    await Expect(screen.Locator("#live")).Not.ToHaveAttributeAsync("data-refreshed", refreshed ?? "");

                    // The voter's page says what they chose and offers no form any more.
                    await Expect(residents[i].GetByRole(AriaRole.Status)).ToContainTextAsync("your vote is counted");
                    await Expect(residents[i].GetByText($"You voted: {Options[i % 2]}.")).ToBeVisibleAsync();
                    await Expect(residents[i].GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true })).ToHaveCountAsync(0);
                    await Expect(residents[i].GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
                }
                await Expect(screen.Locator("#live-announcement")).ToHaveTextAsync("What first in Clifton?: 3 votes in total.");

                // The first resident's other tab still has the form: a second vote is refused next to the options,
                // the page shows the vote already cast, and nothing more is counted.
                await VoteAsync(staleTab, Options[1]);
                await Expect(staleTab.Locator("#option-error")).ToHaveTextAsync("You have voted in this poll already; a vote cannot be changed.");
                await Expect(staleTab.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link, new() { Name = "You have voted in this poll already; a vote cannot be changed." }))
                    .ToHaveAttributeAsync("href", "#option");
                await Expect(staleTab.GetByText($"You voted: {Options[0]}.")).ToBeVisibleAsync();
                await screen.WaitForTimeoutAsync(500);
                await Expect(screen.Locator("[data-total]")).ToHaveTextAsync("3");
            });
            var (total, votes) = await TallyAsync(townHall);
            Assert.Equal(3, total);
            Assert.Equal([2L, 1L], votes);
        }
        finally
        {
            foreach (var page in residents) await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Voting_works_without_JavaScript_and_an_empty_choice_is_refused_next_to_the_options()
    {
        using var api = new BrowserApi(browser);
        var (townHall, _) = await TownHallAsync(api);
        var (_, resident) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(resident);
            await page.GotoAsync($"/cities/york/town-halls/{townHall}");
            var options = page.GetByRole(AriaRole.Group, new() { Name = "What first in Clifton?" });
            await Expect(options.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);

            await page.GetByRole(AriaRole.Button, new() { Name = "Vote", Exact = true }).ClickAsync();
            await Expect(page.Locator("#option-error")).ToHaveTextAsync("Choose the option you vote for.");
            await Expect(options).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Equal(0, (await TallyAsync(townHall)).Total);

            await VoteAsync(page, "Safer crossings");
            await Expect(page.GetByText("You voted: Safer crossings.")).ToBeVisibleAsync();
            await Expect(page.GetByText("Total votes: 1")).ToBeVisibleAsync();
        }, javaScript: false);
        var (total, votes) = await TallyAsync(townHall);
        Assert.Equal(1, total);
        Assert.Equal([0L, 1L], votes);
    }

    [Fact]
    public async Task An_anonymous_visitor_is_invited_to_sign_in_and_comes_back_to_vote()
    {
        using var api = new BrowserApi(browser);
        var (townHall, _) = await TownHallAsync(api);
        var (_, resident) = await browser.AccountAsync("york");
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/town-halls/{townHall}");
            await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to vote" }).ClickAsync();
            await page.GetByLabel("Email address").FillAsync(resident);
            await page.GetByLabel("Password").FillAsync(BrowserFixture.Password);
            await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/cities/york/town-halls/{townHall}$"));
            await VoteAsync(page, "Night buses");
            await Expect(page.GetByText("You voted: Night buses.")).ToBeVisibleAsync();
        });
        Assert.Equal(1, (await TallyAsync(townHall)).Total);
    }

    [Fact]
    public async Task Where_the_city_requires_verified_residency_the_refusal_shows_next_to_the_options()
    {
        var city = $"v{Guid.NewGuid():N}"[..20];
        await using (var session = browser.Store.LightweightSession())
        {
            session.Store(new City
            {
                Id = city, Names = new() { ["en"] = "Verifiedton" }, TimeZone = "Europe/London", RegisteredAt = DateTimeOffset.UtcNow,
                Settings = new CitySettings { SupportsRequireVerifiedResidency = true },
            });
            await session.SaveChangesAsync();
        }
        using var api = new BrowserApi(browser);
        var (_, official) = await browser.AccountAsync(city, CityRole.Official);
        var (townHall, _) = await api.OpenTownHallWithPollAsync(await api.TokenAsync(official), "What first in Clifton?", Options, city);
        var (_, unverified) = await browser.AccountAsync(city);
        var (_, verified) = await browser.AccountAsync(city, CityRole.Resident, CityRole.VerifiedResident);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(unverified);
            await page.GotoAsync($"/cities/{city}/town-halls/{townHall}");
            await VoteAsync(page, "Night buses");
            await Expect(page.Locator("#option-error")).ToHaveTextAsync("Only verified residents can support or vote in this city.");
            await Expect(page.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2); // the form stays, nothing was counted
        });
        Assert.Equal(0, (await TallyAsync(townHall, city)).Total);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(verified);
            await page.GotoAsync($"/cities/{city}/town-halls/{townHall}");
            await VoteAsync(page, "Night buses");
            await Expect(page.GetByText("You voted: Night buses.")).ToBeVisibleAsync();
        });
        Assert.Equal(1, (await TallyAsync(townHall, city)).Total);
    }
}
