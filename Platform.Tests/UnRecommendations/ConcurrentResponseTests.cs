namespace Platform.Tests.UnRecommendations;

/// <summary>The city's response to a UN recommendation, sent twice at once: answered once.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcurrentResponseTests(AppFixture app)
{
    [Fact]
    public async Task Responding_to_a_recommendation_twice_at_once_answers_it_once()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        var url = $"/api/cities/{city}/un-recommendations";
        var id = (await app.PostAsync(url, new
        {
            source = "upr", cycle = "UPR 4th cycle 2022", paragraph = "7.3", text = "Provide shelters open all year.", rights = new[] { "housing" }, sdgTargets = new[] { "11.1" },
        }, official, 201)).GetProperty("id").GetGuid();

        await app.TwiceAtOnceAsync(HttpMethod.Post, $"{url}/{id}/response", new { response = "noted", note = "Shelters are the region's." }, official);

        var (_, answered) = await app.GetAsync($"{url}/{id}");
        Assert.Equal("noted", answered.GetProperty("response").GetString());
    }
}
