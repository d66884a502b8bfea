
namespace Platform.Tests.Support;

/// <summary>Fresh cities for tests that need their own settings or an empty list of concerns.</summary>
public static class CityApi
{
    /// <summary>Registers a new city through the API (as a new network administrator) and returns its slug.</summary>
    public static async Task<string> NewCityAsync(this AppFixture app, int concernResponseDays = 30, long? population = null)
    {
        var admin = await app.NetworkAdministratorAsync();
        var slug = $"t{Guid.NewGuid():N}"[..20];
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new
            {
                slug,
                names = new { en = "Testville" },
                languages = new[] { "en" },
                timeZone = "Europe/Paris",
                population,
                settings = new { concernResponseDays, proposalSupportThreshold = 10, proposalDecisionDays = 60 },
            }).ToUrl("/api/cities");
            x.As(admin);
            x.StatusCodeShouldBe(201);
        });
        return slug;
    }
}
