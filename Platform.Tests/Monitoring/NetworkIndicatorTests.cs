
namespace Platform.Tests.Monitoring;

/// <summary>The network benchmark: each core indicator's latest value per city side by side, counts per 100,000 inhabitants.</summary>
[Collection(IntegrationCollection.Name)]
public class NetworkIndicatorTests(AppFixture app)
{
    [Fact]
    public async Task Core_indicators_show_each_city_side_by_side_with_counts_per_100000_inhabitants()
    {
        var small = await app.NewCityAsync(population: 200_000);
        var large = await app.NewCityAsync(population: 350_000);
        var smallOfficial = await app.AccountAsync(small, CityRole.Official);
        var largeOfficial = await app.AccountAsync(large, CityRole.Official);
        // Recorded hate crimes (a count; fewer is better), no target: fixed growth thresholds apply.
        await app.AdoptAsync(small, smallOfficial, "IND-064", "2020", 100, null, null);
        await app.RecordAsync(small, smallOfficial, "IND-064", new { period = "2024", value = 80 });
        await app.AdoptAsync(large, largeOfficial, "IND-064", "2020", 150, null, null);
        await app.RecordAsync(large, largeOfficial, "IND-064", new { period = "2024", value = 175 });
        await app.AdoptAsync(small, smallOfficial, "IND-013", "2020", 80, 95, 2030);
        await app.RecordAsync(small, smallOfficial, "IND-013", new { period = "2024", value = 83 });

        var network = await GetAsync("/api/network/indicators");
        Assert.Equal("/api/network/framework-coverage", network.GetProperty("frameworkCoverage").GetString());
        var indicators = network.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(20, indicators.Count);

        var hate = indicators.Single(i => i.GetProperty("code").GetString() == "IND-064");
        Assert.True(hate.GetProperty("perHundredThousand").GetBoolean());
        var a = CityOf(hate, small);
        Assert.Equal(200_000, a.GetProperty("population").GetInt64());
        Assert.Equal("2024", a.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal(80, a.GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal(40.0, a.GetProperty("normalised").GetDouble());          // 80 × 100,000 / 200,000
        Assert.Equal(100, a.GetProperty("previous").GetProperty("value").GetDouble());
        Assert.Equal("improving", a.GetProperty("trend").GetString());
        Assert.Equal("onTrack", a.GetProperty("status").GetString());         // −5.4 % a year, the desired way
        var b = CityOf(hate, large);
        Assert.Equal(50.0, b.GetProperty("normalised").GetDouble());          // 175 × 100,000 / 350,000
        Assert.Equal("worsening", b.GetProperty("trend").GetString());
        Assert.Equal("deterioration", b.GetProperty("status").GetString());

        var housing = await GetAsync("/api/network/indicators/IND-013");
        Assert.Equal("/api/network/framework-coverage", housing.GetProperty("frameworkCoverage").GetString());
        var indicator = housing.GetProperty("indicator");
        Assert.False(indicator.GetProperty("perHundredThousand").GetBoolean());
        var own = CityOf(indicator, small);
        Assert.Equal(83, own.GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("normalised").ValueKind); // a percentage is not normalised
        Assert.Equal("limitedProgress", own.GetProperty("status").GetString());  // (83/80)^¼−1 against (95/80)^⅒−1: 54 %
        Assert.Equal(95, own.GetProperty("target").GetDouble());
        var absent = CityOf(indicator, large);
        Assert.False(absent.GetProperty("adopted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, absent.GetProperty("latest").ValueKind);

        await app.Host.Scenario(x => { x.Get.Url("/api/network/indicators/NOPE-1"); x.StatusCodeShouldBe(404); });
    }

    private static JsonElement CityOf(JsonElement indicator, string city) =>
        indicator.GetProperty("cities").EnumerateArray().Single(c => c.GetProperty("city").GetString() == city);

    private async Task<JsonElement> GetAsync(string url)
    {
        var result = await app.Host.Scenario(x => x.Get.Url(url));
        return Json.Parse(await result.ReadAsTextAsync());
    }
}
