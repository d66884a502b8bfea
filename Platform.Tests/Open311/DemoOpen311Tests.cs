using Platform.Api.Demo;

namespace Platform.Tests.Open311;

/// <summary>The demo's Open311 data, seeded as the demo seeds it: its requests are listed with their locations and its published key works.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class DemoOpen311Tests(AppFixture app)
{
    [Fact]
    public async Task The_demo_app_of_york_lists_its_located_requests_and_its_key_submits()
    {
        // The demo's York official (the demo seeds it; the test database may not have it yet).
        await using (var session = app.Store.LightweightSession())
            if (!await session.Query<Platform.Api.Accounts.Account>().AnyAsync(a => a.Email == $"official@{DemoOpen311.City}.demo"))
            {
                var official = new Platform.Api.Accounts.Account { Id = Guid.CreateVersion7(), Email = $"official@{DemoOpen311.City}.demo", DisplayName = "Demo official", CreatedAt = DateTimeOffset.UtcNow };
                official.Grant(DemoOpen311.City, CityRole.Official);
                session.Store(official);
                await session.SaveChangesAsync();
            }
        await DemoOpen311.SeedAsync(app.Store, app.Host.Services.GetRequiredService<Platform.Api.Accounts.Pseudonyms>(), DateTimeOffset.UtcNow, CancellationToken.None);

        var client = new GeoReportClient(app.Host.Server.CreateClient(), DemoOpen311.City);
        // The demo's requests are four to six days old; the window keeps out the concerns other tests raise today.
        static string Day(int days) => DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var listed = await client.RequestsAsync("json", $"?service_code=mobility,environment&start_date={Day(-8)}&end_date={Day(-3)}");
        Assert.Contains(listed.Records, r => (string?)r["lat"] == "53.9565" && ((string)r["description"]!).StartsWith("Dropped kerb missing at the Walmgate bus stop"));
        Assert.Contains(listed.Records, r => (string?)r["address"] == "Clifton Green, York YO30 6LH");
        var posted = await client.PostAsync("json", GeoReportClient.Fields(DemoOpen311.Key, "housing", "No heating in the flats since Monday"));
        Assert.True(posted.Status == 200, posted.Body);
    }
}
