
namespace Platform.Tests.Web;

/// <summary>
/// The town-hall screen: votes cast through the API (other people, other devices) show on an open screen
/// within a second, announced politely; the screen watches again after its connection drops; without
/// JavaScript it still shows the state of when it loaded.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveScreenTests(BrowserFixture browser)
{
    private static readonly string[] Options = ["More buses", "Safer crossings"];

    // Records the page's WebSockets, so a test can drop the screen's connection as a network failure would.
    private const string RecordSockets = """
        (() => {
          const Native = window.WebSocket;
          window.__sockets = [];
          window.WebSocket = function (url, protocols) { const s = new Native(url, protocols); window.__sockets.push(s); return s; };
          window.WebSocket.prototype = Native.prototype;
          Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        })();
        """;

    private async Task<(BrowserApi Api, Guid TownHall, Guid Poll, string[] Voters)> TownHallAsync(int voters)
    {
        var api = new BrowserApi(browser);
        var (_, official) = await browser.AccountAsync("york", CityRole.Official);
        var (townHall, poll) = await api.OpenTownHallWithPollAsync(await api.TokenAsync(official), "Which first?", Options);
        var tokens = new List<string>();
        for (var i = 0; i < voters; i++)
            tokens.Add(await api.TokenAsync((await browser.AccountAsync("york")).Email));
        return (api, townHall, poll, tokens.ToArray());
    }

    private static string VoteUrl(Guid townHall, Guid poll) => $"/api/cities/york/town-halls/{townHall}/polls/{poll}/votes";

    [Fact]
    public async Task The_screen_shows_votes_from_elsewhere_within_a_second_and_announces_them()
    {
        var (api, townHall, poll, voters) = await TownHallAsync(3);
        using var _ = api;
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/town-halls/{townHall}/screen");
            var screen = page.Locator("#live");
            await Expect(screen).ToHaveAttributeAsync("data-watches", "1");
            await Expect(page.Locator("[data-total]")).ToHaveTextAsync("0");
            await Expect(page.Locator("#live-connection")).ToHaveTextAsync("Live");

            for (var i = 0; i < voters.Length; i++)
            {
                var clock = Stopwatch.StartNew();
                await api.PostAsync(voters[i], VoteUrl(townHall, poll), new { option = i % 2 });
                await Expect(page.Locator("[data-total]")).ToHaveTextAsync($"{i + 1}", new() { Timeout = 1_000 });
                Assert.True(clock.ElapsedMilliseconds < 1_000, $"vote {i + 1} took {clock.ElapsedMilliseconds} ms to show");
            }
            await Expect(page.GetByText("2 · 66.7%")).ToBeVisibleAsync(); // More buses: 2 of 3
            var announcement = page.Locator("#live-announcement");
            await Expect(announcement).ToHaveAttributeAsync("aria-live", "polite");
            await Expect(announcement).ToHaveTextAsync("Which first?: 3 votes in total.");
        });
    }

    [Fact]
    public async Task The_screen_watches_again_by_itself_after_its_connection_drops()
    {
        var (api, townHall, poll, voters) = await TownHallAsync(2);
        using var _ = api;
        await browser.RunAsync(async page =>
        {
            await page.AddInitScriptAsync(RecordSockets);
            await page.GotoAsync($"/cities/york/town-halls/{townHall}/screen");
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-watches", "1");

            // The socket closes with an error code, as when a proxy or the network cuts it.
            await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close(4000, 'test: network gone'))");
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-watches", "2");
            await Expect(page.Locator("#live-connection")).ToHaveTextAsync("Live");

            await api.PostAsync(voters[0], VoteUrl(townHall, poll), new { option = 1 });
            await Expect(page.Locator("[data-total]")).ToHaveTextAsync("1", new() { Timeout = 1_000 });
        });
    }

    [Fact]
    public async Task Without_JavaScript_the_screen_shows_the_state_when_it_loaded()
    {
        var (api, townHall, poll, voters) = await TownHallAsync(1);
        using var _ = api;
        await api.PostAsync(voters[0], VoteUrl(townHall, poll), new { option = 0 });
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync($"/cities/york/town-halls/{townHall}/screen");
            await Expect(page.GetByText("Which first?")).ToBeVisibleAsync();
            await Expect(page.Locator("[data-total]")).ToHaveTextAsync("1");
            await Expect(page.Locator("#live-connection")).ToHaveTextAsync("As of loading the page.");
        }, javaScript: false);
    }

    [Fact]
    public async Task The_city_screen_counts_a_new_concern_as_it_is_raised()
    {
        var (_, email) = await browser.AccountAsync("york");
        var title = $"Streetlights out on Hull Road {Guid.NewGuid():N}";
        await browser.RunAsync(async page =>
        {
            await page.GotoAsync("/cities/york/screen");
            await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-watches", "1");
            var open = page.Locator(".figures dd").First;
            var before = int.Parse(await open.InnerTextAsync());

            var resident = await browser.NewPageAsync();
            await resident.SignInAsync(email);
            await resident.RaiseConcernAsync("york", title);
            await resident.Context.CloseAsync();

            // The board is an async projection: the push follows its update.
            await Expect(open).ToHaveTextAsync($"{before + 1}", new() { Timeout = 5_000 });
            await Expect(page.Locator("#live-announcement")).ToContainTextAsync($"Open concerns: {before + 1}.");

            // Its chart of open concerns by right is drawn by Chart.js, with the table of the same numbers beside it.
            var canvas = page.Locator("canvas[data-chart]");
            await Expect(canvas).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => !!Chart.getChart(document.querySelector('canvas[data-chart]'))"));
            await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Table, new() { Name = "Open concerns by right" })).ToBeVisibleAsync();
        });
    }
}
