namespace Platform.Tests.Participation;

/// <summary>The city's population shares (docs/participation.md): its officials enter them with their source; anyone reads them.</summary>
[Collection(IntegrationCollection.Name)]
public sealed class PopulationTests(AppFixture app)
{
    private static object Body(double women = 51.3) => new
    {
        shares = new object[]
        {
            new { dimension = "gender", group = "woman", percent = women },
            new { dimension = "ageBand", group = "65-plus", percent = 19.5 },
            new { dimension = "district", group = "Tang Hall", percent = 7.8 },
        },
        source = new { name = "Census 2021", year = 2021, url = "https://example.org/census-2021" },
    };

    [Fact]
    public async Task An_official_enters_the_shares_with_their_source_and_anyone_reads_them_beside_who_takes_part()
    {
        var city = await app.NewCityAsync();
        var official = await app.OfficialAsync(city);
        await app.SendForJsonAsync(HttpMethod.Get, $"/api/cities/{city}/population", null, null, 404);

        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{city}/population", Body(), official, 200);
        var read = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/population"));
        Assert.Equal("Census 2021", read.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal(2021, read.GetProperty("source").GetProperty("year").GetInt32());
        Assert.Equal(3, read.GetProperty("shares").GetArrayLength());

        // A new entry replaces the last one.
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{city}/population", Body(women: 50.9), official, 200);
        var breakdown = Json.Parse(await app.GetTextAsync($"/api/cities/{city}/participation"));
        Assert.Equal("Census 2021", breakdown.GetProperty("population").GetProperty("name").GetString());
        var women = ParticipationApi.Dimension(breakdown, "supporting", "gender").Group("woman");
        Assert.Equal(50.9, women.GetProperty("populationPercent").GetDouble());
        Assert.Equal(7.8, ParticipationApi.Dimension(breakdown, "raising", "district").Group("Tang Hall").GetProperty("populationPercent").GetDouble());
    }

    [Fact]
    public async Task Residents_the_anonymous_and_another_citys_official_cannot_enter_them_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var other = await app.NewCityAsync();
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{city}/population", Body(), await app.ResidentAsync(city), 403);
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{city}/population", Body(), await app.OfficialAsync(other), 403);
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{city}/population", Body(), await app.AccountAsync(city, CityRole.Organisation), 403);
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{city}/population", Body(), null, 401);
        await app.SendForJsonAsync(HttpMethod.Get, $"/api/cities/{city}/population", null, null, 404);
        // An official of the other city enters theirs: this city's stay unset.
        await app.SendForJsonAsync(HttpMethod.Put, $"/api/cities/{other}/population", Body(), await app.OfficialAsync(other), 200);
        await app.SendForJsonAsync(HttpMethod.Get, $"/api/cities/{city}/population", null, null, 404);
    }

    [Fact]
    public async Task Bad_and_huge_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var city = await app.NewCityAsync();
        var official = await app.OfficialAsync(city);
        var cases = new (object Body, string Field)[]
        {
            (new { shares = new[] { new { dimension = "gender", group = "woman", percent = 150.0 } }, source = new { name = "Census", year = 2021 } }, "shares[0].percent"),
            (new { shares = new[] { new { dimension = "shoe size", group = "42", percent = 1.0 } }, source = new { name = "Census", year = 2021 } }, "shares[0].dimension"),
            (new { shares = new[] { new { dimension = "ageBand", group = "teenager", percent = 1.0 } }, source = new { name = "Census", year = 2021 } }, "shares[0].group"),
            (new { shares = new[] { new { dimension = "district", group = new string('d', 500), percent = 1.0 } }, source = new { name = "Census", year = 2021 } }, "shares[0].group"),
            (new { shares = new[] { new { dimension = "gender", group = "woman", percent = 60.0 }, new { dimension = "gender", group = "man", percent = 50.0 } },
                source = new { name = "Census", year = 2021 } }, "shares"),
            (new { shares = Enumerable.Range(0, 101).Select(i => new { dimension = "district", group = $"D{i}", percent = 0.5 }).ToArray(), source = new { name = "Census", year = 2021 } }, "shares"),
            (new { shares = new[] { new { dimension = "gender", group = "woman", percent = 51.0 } }, source = new { name = new string('n', 5000), year = 2021 } }, "source.name"),
            (new { shares = new[] { new { dimension = "gender", group = "woman", percent = 51.0 } }, source = new { name = "Census", year = 1800 } }, "source.year"),
            (new { shares = new[] { new { dimension = "gender", group = "woman", percent = 51.0 } }, source = new { name = "Census", year = 2021, url = "javascript:alert(1)" } }, "source.url"),
            (new { shares = new[] { new { dimension = "gender", group = "woman", percent = "lots" } }, source = new { name = "Census", year = 2021 } }, "$.shares[0].percent"),
        };
        foreach (var (body, field) in cases)
        {
            var refused = await app.Host.Scenario(x => { x.Put.Json(body).ToUrl($"/api/cities/{city}/population"); x.As(official); x.StatusCodeShouldBe(400); });
            await ProblemAssert.NamesAsync(refused, 400, field);
        }
        await app.SendForJsonAsync(HttpMethod.Get, $"/api/cities/{city}/population", null, null, 404);
    }
}
