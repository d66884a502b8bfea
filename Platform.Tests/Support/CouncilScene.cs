using Platform.Api.Cities;

namespace Platform.Tests.Support;

/// <summary>
/// A fresh city of the browser host (its own tenant, so its council's work queue holds only what the test
/// put there) with a resident and an official, and short ways to raise concerns and proposals in it through
/// the HTTP API, as residents "in another room" would.
/// </summary>
public sealed class CouncilScene : IDisposable
{
    public required string City { get; init; }
    public required string Resident { get; init; }
    public required string Official { get; init; }
    public required BrowserApi Api { get; init; }

    /// <summary>A new city (its threshold, response and decision days), a resident and an official (who is also a moderator when asked).</summary>
    public static async Task<CouncilScene> CreateAsync(BrowserFixture browser, int threshold = 1, bool officialModerates = false,
        int responseDays = 30, int decisionDays = 60)
    {
        var slug = $"c{Guid.NewGuid():N}"[..20];
        await using (var session = browser.Store.LightweightSession())
        {
            session.Store(new City
            {
                Id = slug,
                Names = new() { ["en"] = "Councilton", ["fr"] = "Councilton" },
                TimeZone = "Europe/London",
                RegisteredAt = DateTimeOffset.UtcNow,
                Settings = new CitySettings { ConcernResponseDays = responseDays, ProposalSupportThreshold = threshold, ProposalDecisionDays = decisionDays },
            });
            await session.SaveChangesAsync();
        }
        var (_, resident) = await browser.AccountAsync(slug);
        var (_, official) = await browser.AccountAsync(slug, officialModerates ? [CityRole.Official, CityRole.Moderator] : [CityRole.Official]);
        return new CouncilScene { City = slug, Resident = resident, Official = official, Api = new BrowserApi(browser) };
    }

    /// <summary>The resident raises a concern through the API; returns its id.</summary>
    public async Task<Guid> RaiseConcernAsync(string title) =>
        (await Api.PostAsync(await Api.TokenAsync(Resident), $"/api/cities/{City}/concerns", new
        {
            title,
            description = "The ramp to the health centre has been blocked for weeks.",
            rights = new[] { "health", "disability-inclusion" },
            district = "Clifton",
        })).GetProperty("id").GetGuid();

    /// <summary>The resident submits a proposal and supports it (so a threshold of 1 is reached); returns its id.</summary>
    public async Task<Guid> ProposalPastThresholdAsync(string title)
    {
        var token = await Api.TokenAsync(Resident);
        var id = (await Api.PostAsync(token, $"/api/cities/{City}/proposals", new
        {
            title,
            description = "Open the school playgrounds to all children after school hours.",
            rights = new[] { "family-child", "culture" },
            sdgTargets = new[] { "11.2" },
        })).GetProperty("id").GetGuid();
        await Api.PostAsync(token, $"/api/cities/{City}/proposals/{id}/supports");
        return id;
    }

    public void Dispose() => Api.Dispose();
}
