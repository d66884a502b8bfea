namespace Platform.Tests.GoodPractices;

/// <summary>A city's adoption of a practice sent twice at once is stored once; a practice's JSON keeps its fields in their order.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcurrentPracticeWritesTests(AppFixture app)
{
    [Fact]
    public async Task Adopting_a_practice_twice_at_once_stores_one_adoption()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (adopter, adopterOfficial) = await app.PracticeCityAsync();
        var practice = await app.PracticeAsync(city, official);

        await app.TwiceAtOnceAsync(HttpMethod.Put, $"/api/cities/{adopter}/adopted-practices/{practice}", new { note = "Since May." }, adopterOfficial);

        var listed = await app.GetJsonAsync($"/api/network/practices/{practice}");
        Assert.Equal([adopter], listed.GetProperty("adoptions").EnumerateArray().Select(a => a.GetProperty("city").GetString()));
        // The details carry the event's content record; the JSON is the same flat object as before.
        Assert.Equal(["id", "city", "title", "summary", "whatWasDone", "results", "rights", "indicatorCodes", "commitmentIds", "contact", "version",
            "publishedAt", "updatedAt", "withdrawn", "withdrawnAt", "adoptions", "versions", "sequence"], listed.EnumerateObject().Select(p => p.Name));
    }
}
