
namespace Platform.Tests.GoodPractices;

/// <summary>
/// The network's good-practice library through the API, against PostgreSQL: officials publish a practice linked to their
/// city's indicators and commitments, revise and withdraw it; officials of other cities say they adopted it.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class GoodPracticeTests(AppFixture app)
{
    [Fact]
    public async Task A_practice_links_only_its_own_citys_indicators_and_commitments_and_a_refusal_stores_nothing()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (other, otherOfficial) = await app.PracticeCityAsync();
        await app.AdoptAsync(other, otherOfficial, "IND-013");
        var theirCommitment = await app.PublishCommitmentAsync(otherOfficial, city: other);
        var before = await app.EventCountAsync();

        var result = await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices", PracticeApi.Body(commitmentIds: [theirCommitment]), official, 422);
        await ProblemAssert.NamesAsync(result, 422, "commitmentIds[0]");
        result = await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices", PracticeApi.Body(indicatorCodes: ["IND-013"]), official, 422);
        await ProblemAssert.NamesAsync(result, 422, "indicatorCodes[0]");
        Assert.Equal(before, await app.EventCountAsync());

        // The same links are the other city's own: it may name them.
        var practice = await app.PublishPracticeAsync(other, otherOfficial, PracticeApi.Body(indicatorCodes: ["IND-013"], commitmentIds: [theirCommitment]));
        Assert.Equal(["IND-013"], practice.GetProperty("indicatorCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal([theirCommitment], practice.GetProperty("commitmentIds").EnumerateArray().Select(c => c.GetGuid()));
        Assert.Equal(other, practice.GetProperty("city").GetString());
    }

    [Fact]
    public async Task The_library_finds_a_practice_by_right_city_and_title_and_keeps_every_version()
    {
        var (city, official) = await app.PracticeCityAsync();
        var title = $"Night buses {Guid.NewGuid():N}";
        var id = await app.PracticeAsync(city, official, PracticeApi.Body(title, rights: ["mobility", "work"]));

        Assert.Contains(id, (await app.GetJsonAsync($"/api/network/practices?city={city}")).Ids());
        Assert.Contains(id, (await app.GetJsonAsync($"/api/network/practices?right=work&city={city}")).Ids());
        Assert.DoesNotContain(id, (await app.GetJsonAsync($"/api/network/practices?right=housing&city={city}")).Ids());
        Assert.Equal([id], (await app.GetJsonAsync($"/api/network/practices?q={Uri.EscapeDataString(title[6..].ToUpperInvariant())}")).Ids());

        var revised = Json.Parse(await (await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices/{id}/revisions",
            PracticeApi.Body(title + " and trams", rights: ["mobility"]), official, 200)).ReadAsTextAsync());
        Assert.Equal(2, revised.GetProperty("version").GetInt32());
        // The same content again is no new version.
        await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices/{id}/revisions", PracticeApi.Body(title + " and trams", rights: ["mobility"]), official, 200);

        var read = await app.GetJsonAsync($"/api/network/practices/{id}");
        Assert.Equal(title + " and trams", read.GetProperty("title").GetString());
        Assert.Equal([title, title + " and trams"], read.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("content").GetProperty("title").GetString()));
        Assert.DoesNotContain(id, (await app.GetJsonAsync($"/api/network/practices?right=work&city={city}")).Ids());
    }

    [Fact]
    public async Task Another_city_adopts_once_its_own_city_cannot_and_the_adoption_can_be_undone()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (adopter, adopterOfficial) = await app.PracticeCityAsync();
        var id = await app.PracticeAsync(city, official);

        var own = await app.SendAsync(HttpMethod.Put, $"/api/cities/{city}/adopted-practices/{id}", new { note = "Ours." }, official, 422);
        await ProblemAssert.NamesAsync(own, 422, "own-practice");

        var adopted = await app.AdoptPracticeAsync(adopter, adopterOfficial, id);
        var adoption = Assert.Single(adopted.GetProperty("adoptions").EnumerateArray());
        Assert.Equal((adopter, "Two lines from May."), (adoption.GetProperty("city").GetString(), adoption.GetProperty("note").GetString()));
        var events = await app.EventCountAsync();
        var again = await app.AdoptPracticeAsync(adopter, adopterOfficial, id, "Said twice.");
        Assert.Single(again.GetProperty("adoptions").EnumerateArray());
        Assert.Equal(events, await app.EventCountAsync());

        var theirs = await app.GetJsonAsync($"/api/cities/{adopter}/practices");
        Assert.Equal([id], theirs.GetProperty("adopted").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        Assert.Empty(theirs.GetProperty("published").EnumerateArray());

        await app.SendAsync(HttpMethod.Delete, $"/api/cities/{adopter}/adopted-practices/{id}", null, adopterOfficial, 200);
        Assert.Empty((await app.GetJsonAsync($"/api/network/practices/{id}")).GetProperty("adoptions").EnumerateArray());
        Assert.Empty((await app.GetJsonAsync($"/api/cities/{adopter}/practices")).GetProperty("adopted").EnumerateArray());

        // A practice that does not exist is not found.
        await ProblemAssert.NamesAsync(await app.SendAsync(HttpMethod.Put, $"/api/cities/{adopter}/adopted-practices/{Guid.NewGuid()}", new { }, adopterOfficial, 404),
            404, "practice-not-found");
    }

    [Fact]
    public async Task A_withdrawn_practice_leaves_the_library_and_takes_no_adoption()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (adopter, adopterOfficial) = await app.PracticeCityAsync();
        var id = await app.PracticeAsync(city, official);

        var withdrawn = Json.Parse(await (await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices/{id}/withdrawal",
            new { reason = "Replaced by a city-wide scheme." }, official, 200)).ReadAsTextAsync());
        Assert.True(withdrawn.GetProperty("withdrawn").GetBoolean());

        Assert.DoesNotContain(id, (await app.GetJsonAsync($"/api/network/practices?city={city}")).Ids());
        await app.GetTextAsync($"/api/network/practices/{id}", status: 404);
        Assert.Empty((await app.GetJsonAsync($"/api/cities/{city}/practices")).GetProperty("published").EnumerateArray());
        await app.GetTextAsync($"/network/practices/{id}", status: 404);
        await ProblemAssert.NamesAsync(await app.SendAsync(HttpMethod.Put, $"/api/cities/{adopter}/adopted-practices/{id}", new { }, adopterOfficial, 409),
            409, "practice-withdrawn");
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_another_citys_practice_is_not_found_in_the_route()
    {
        var (city, official) = await app.PracticeCityAsync();
        var (other, otherOfficial) = await app.PracticeCityAsync();
        var theirs = await app.PracticeAsync(other, otherOfficial);
        var before = await app.EventCountAsync();

        await ProblemAssert.NamesAsync(await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices",
            PracticeApi.Body(new string('x', 5_000)), official, 400), 400, "title");
        await ProblemAssert.NamesAsync(await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices",
            PracticeApi.Body(rights: ["mobility", "teleportation"]), official, 400), 400, "rights[1]");
        await ProblemAssert.NamesAsync(await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices/{theirs}/revisions",
            PracticeApi.Body("Taken over"), official, 404), 404, "practice-not-found");
        await ProblemAssert.NamesAsync(await app.SendAsync(HttpMethod.Post, $"/api/cities/{city}/practices/{theirs}/withdrawal",
            new { }, official, 404), 404, "practice-not-found");
        Assert.Equal(before, await app.EventCountAsync());

        foreach (var (query, field) in new[] { ("right=flying", "right"), ("pageSize=1000", "pageSize"), ("page=0", "page"), ($"q={new string('q', 201)}", "q") })
        {
            var result = await app.Host.Scenario(x =>
            {
                x.Get.Url($"/api/network/practices?{query}");
                x.StatusCodeShouldBe(400);
            });
            await ProblemAssert.NamesAsync(result, 400, field);
        }
    }
}
