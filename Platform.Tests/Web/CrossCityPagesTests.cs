using System.Net;

namespace Platform.Tests.Web;

/// <summary>
/// The city of a page is its route's, whatever the form or the query string says: an official or moderator of
/// one city who adds <c>city</c> and <c>id</c> fields naming another city's item to a page's form acts on the
/// page's own city and item, never on the other city's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CrossCityPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_moderator_who_forges_another_citys_name_and_concern_into_the_hide_form_hides_only_the_concern_of_the_page()
    {
        using var home = await CouncilScene.CreateAsync(browser, officialModerates: true);
        using var other = await CouncilScene.CreateAsync(browser);
        var ours = await home.RaiseConcernAsync("A broken lift at the library");
        var theirs = await other.RaiseConcernAsync("No interpreter at the housing office");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(home.Official);
            var status = await ForgedPostAsync(page, $"/cities/{home.City}/concerns/{ours}", "Hide",
                new() { ["hide-reason"] = "Contains a private phone number.", ["city"] = other.City, ["id"] = theirs.ToString() },
                query: $"&city={other.City}&id={theirs}");
            Assert.Equal(HttpStatusCode.Redirect, status);
        });

        Assert.Equal(HttpStatusCode.OK, await PublicStatusAsync($"/api/cities/{other.City}/concerns/{theirs}"));
        Assert.Equal(HttpStatusCode.NotFound, await PublicStatusAsync($"/api/cities/{home.City}/concerns/{ours}")); // the page's own concern was hidden
    }

    [Fact]
    public async Task An_official_who_forges_another_city_into_the_acknowledge_form_acknowledges_only_the_concern_of_the_page()
    {
        using var home = await CouncilScene.CreateAsync(browser);
        using var other = await CouncilScene.CreateAsync(browser);
        var ours = await home.RaiseConcernAsync("Benches removed from the square");
        var theirs = await other.RaiseConcernAsync("Shelter closed at night");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(home.Official);
            var status = await ForgedPostAsync(page, $"/cities/{home.City}/concerns/{ours}", "Acknowledge",
                new() { ["department"] = "Parks", ["city"] = other.City, ["id"] = theirs.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, status);
        });

        Assert.Equal("open", (await PublicJsonAsync($"/api/cities/{other.City}/concerns/{theirs}")).GetProperty("status").GetString());
        Assert.Equal("acknowledged", (await PublicJsonAsync($"/api/cities/{home.City}/concerns/{ours}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_official_who_forges_another_city_into_the_publish_form_publishes_in_their_own_city_only()
    {
        using var home = await CouncilScene.CreateAsync(browser);
        using var other = await CouncilScene.CreateAsync(browser);

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(home.Official);
            var status = await ForgedPostAsync(page, $"/cities/{home.City}/commitments/new", null, new()
            {
                ["title"] = "Step-free access to every library",
                ["rights"] = "disability-inclusion",
                ["department"] = "Libraries",
                ["dueDate"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd"),
                ["city"] = other.City,
            }, query: $"?city={other.City}");
            Assert.Equal(HttpStatusCode.Redirect, status);
        });

        Assert.Equal(0, (await PublicJsonAsync($"/api/cities/{other.City}/commitments")).GetProperty("total").GetInt64());
        Assert.Equal(1, (await PublicJsonAsync($"/api/cities/{home.City}/commitments")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_official_who_forges_another_citys_proposal_into_the_reject_form_rejects_only_the_proposal_of_the_page()
    {
        using var home = await CouncilScene.CreateAsync(browser);
        using var other = await CouncilScene.CreateAsync(browser);
        var ours = await home.ProposalPastThresholdAsync("Free swimming lessons for every child");
        var theirs = await other.ProposalPastThresholdAsync("A night bus to the hospital");

        await browser.RunAsync(async page =>
        {
            await page.SignInAsync(home.Official);
            var status = await ForgedPostAsync(page, $"/cities/{home.City}/proposals/{ours}", "Reject",
                new() { ["reject-reason"] = "The pools are closed for repairs this year.", ["city"] = other.City, ["id"] = theirs.ToString() });
            Assert.Equal(HttpStatusCode.Redirect, status);
        });

        Assert.Equal("thresholdReached", (await PublicJsonAsync($"/api/cities/{other.City}/proposals/{theirs}")).GetProperty("status").GetString());
        Assert.Equal("rejected", (await PublicJsonAsync($"/api/cities/{home.City}/proposals/{ours}")).GetProperty("status").GetString());
    }

    /// <summary>
    /// Opens the page, takes its antiforgery token (as a script on the page could), and posts the handler's form
    /// with the given fields from the same browser context (its sign-in cookie); returns the status without following a redirect.
    /// </summary>
    private static async Task<HttpStatusCode> ForgedPostAsync(IPage page, string address, string? handler, Dictionary<string, string> fields, string query = "")
    {
        await page.GotoAsync(address);
        var token = await page.Locator("main form input[name=__RequestVerificationToken]").First.InputValueAsync();
        var form = page.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        foreach (var (name, value) in fields) form.Append(name, value);
        var url = handler is null ? address + query : $"{address}?handler={handler}{query}";
        var answer = await page.Context.APIRequest.PostAsync(url, new APIRequestContextOptions { Form = form, MaxRedirects = 0 });
        if (answer.Status == 200) // the page again, with what it refused: show it in the failure
            Assert.Fail(string.Join(" | ", System.Text.RegularExpressions.Regex.Matches(await answer.TextAsync(), "<li>(?:<a [^>]*>)?([^<]*)<").Select(m => m.Groups[1].Value)));
        return (HttpStatusCode)answer.Status;
    }

    private async Task<HttpStatusCode> PublicStatusAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        using var answer = await http.GetAsync(url);
        return answer.StatusCode;
    }

    private async Task<JsonElement> PublicJsonAsync(string url)
    {
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        return await http.GetFromJsonAsync<JsonElement>(url);
    }
}
