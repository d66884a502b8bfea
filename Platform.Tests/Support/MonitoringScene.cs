using Microsoft.AspNetCore.Identity;
using Platform.Api.Accounts;
using Platform.Domain.Reference;

namespace Platform.Tests.Support;

/// <summary>
/// Data of the indicator and recognition pages, made through the HTTP API of the browser fixture's host. The browser
/// schema outlives a run, so every series is a local indicator with a code of its own in York (a series exists once per
/// city and code), and every assessment a cycle of its own.
/// </summary>
public static class MonitoringScene
{
    public const string City = "york";

    /// <summary>An official of York with a bearer token.</summary>
    public static async Task<(string Email, string Token)> OfficialAsync(this BrowserFixture browser, BrowserApi api, string city = City)
    {
        var (_, email) = await browser.AccountAsync(city, CityRole.Official);
        return (email, await api.TokenAsync(email));
    }

    /// <summary>
    /// Adopts a local indicator shaped like the common-core IND-013 (share of people with sufficient living space: a
    /// percentage that should go up, by sex and district), baseline 82 % in 2019, target 95 % by 2030. Returns its code.
    /// </summary>
    public static async Task<string> AdoptHousingIndicatorAsync(this BrowserApi api, string officialToken, string name = "Residents with sufficient living space")
    {
        var code = $"YT-{Guid.NewGuid():N}"[..15].ToUpperInvariant();
        await api.PostAsync(officialToken, $"/api/cities/{City}/indicators", new
        {
            code,
            baseline = new { period = "2019", value = 82 },
            target = 95,
            targetYear = 2030,
            department = "Housing",
            local = new { name, right = "housing", type = "outcome", unit = "%", unitKind = "percentage", direction = "increase", source = "administrative",
                disaggregations = new[] { "sex", "district" } },
        });
        return code;
    }

    /// <summary>The demo's pattern: a value each year 2020-2025 (on the way to the target), and 2025 by sex.</summary>
    public static readonly (string Period, double Value)[] DemoLikeValues =
        [("2020", 83.1), ("2021", 84.5), ("2022", 85.6), ("2023", 86.9), ("2024", 88), ("2025", 89.3)];

    public static async Task RecordDemoLikeSeriesAsync(this BrowserApi api, string officialToken, string code)
    {
        foreach (var (period, value) in DemoLikeValues)
            await api.PostAsync(officialToken, $"/api/cities/{City}/indicators/{code}/measurements", new { period, value, methodNote = "Housing register." });
        await api.PostAsync(officialToken, $"/api/cities/{City}/indicators/{code}/measurements", new { period = "2025", value = 90.1, disaggregation = new { sex = "female" } });
        await api.PostAsync(officialToken, $"/api/cities/{City}/indicators/{code}/measurements", new { period = "2025", value = 88.4, disaggregation = new { sex = "male" } });
    }

    /// <summary>The series as the API gives it (GET, anonymous).</summary>
    public static async Task<JsonElement> SeriesAsync(this BrowserFixture browser, string code)
    {
        using var http = new HttpClient { BaseAddress = browser.BaseAddress };
        var text = await http.GetStringAsync($"/api/cities/{City}/indicators/{code}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A network administrator with a token (stored directly, as the fixture stores accounts).</summary>
    public static async Task<string> AdministratorTokenAsync(this BrowserFixture browser, BrowserApi api)
    {
        var id = Guid.CreateVersion7();
        var account = new Account { Id = id, Email = $"{id:N}@admin.browser.test", DisplayName = "Browser test administrator", CreatedAt = DateTimeOffset.UtcNow,
            IsNetworkAdministrator = true };
        account.PasswordHash = browser.Services.GetRequiredService<IPasswordHasher<Account>>().HashPassword(account, BrowserFixture.Password);
        await using (var session = browser.Store.LightweightSession())
        {
            session.Store(account);
            await session.SaveChangesAsync();
        }
        return await api.TokenAsync(account.Email);
    }

    /// <summary>
    /// A whole assessment cycle of York through the API (every framework element in place, foundations evaluated;
    /// Utrecht's peer review with one finding), then the network administrator awards "advanced". Returns the cycle.
    /// </summary>
    public static async Task<string> RecogniseYorkAsync(this BrowserFixture browser, BrowserApi api)
    {
        var cycle = $"t-{Guid.NewGuid():N}"[..14];
        var (_, official) = await browser.OfficialAsync(api);
        var (_, reviewer) = await browser.OfficialAsync(api, "utrecht");
        var admin = await browser.AdministratorTokenAsync(api);
        var url = $"/api/cities/{City}/assessments/{cycle}";
        await api.PostAsync(official, $"/api/cities/{City}/assessments", new { cycle });
        foreach (var item in FrameworkCatalogue.Default.Items)
            await api.PostAsync(official, $"{url}/items", new
            {
                item = item.Code, level = item.Code.StartsWith('A') ? "inPlaceAndEvaluated" : "inPlace",
                evidence = new[] { $"https://york.example.org/evidence/{item.Code}" },
            });
        await api.PostAsync(official, $"{url}/submit");
        await api.PostAsync(admin, $"{url}/reviewer", new { reviewerCity = "utrecht" });
        await api.PostAsync(reviewer, $"{url}/review/findings", new { item = "B4", finding = "The council meets four times a year." });
        await api.PostAsync(reviewer, $"{url}/review/submit");
        await api.PostAsync(admin, $"{url}/recognition", new { level = "advanced" });
        return cycle;
    }
}
