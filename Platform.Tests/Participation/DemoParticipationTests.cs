using Microsoft.AspNetCore.Hosting;

namespace Platform.Tests.Participation;

/// <summary>A host that seeds the demo network, in a schema of its own (seeded once: a later run finds the cities there).</summary>
public sealed class DemoFixture : AppFixture
{
    public const string Schema = "platform_demo_participation";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // the demo network is seeded there only
        builder.UseSetting("Platform:Schema", Schema);
        builder.UseSetting("Platform:Demo:Seed", "true");
    }
}

/// <summary>The demo network shows equal participation (docs/participation.md): shares, counts and "fewer than 10", tags, an assisted concern.</summary>
public sealed class DemoParticipationTests(DemoFixture demo) : IClassFixture<DemoFixture>
{
    [Fact]
    public async Task The_demo_city_shows_who_takes_part_against_its_shares_with_tagged_and_assisted_concerns()
    {
        var breakdown = Json.Parse(await demo.GetTextAsync("/api/cities/york/participation"));
        Assert.Equal("Census 2021 (demo figures)", breakdown.GetProperty("population").GetProperty("name").GetString());
        var gender = ParticipationApi.Dimension(breakdown, "supporting", "gender");
        Assert.True(gender.Group("woman").GetProperty("people").Count() >= 10);
        Assert.Null(gender.Group("man").GetProperty("people").Count());
        Assert.Equal(51.3, gender.Group("woman").GetProperty("populationPercent").GetDouble());

        var tagged = Json.Parse(await demo.GetTextAsync("/api/cities/york/concerns?group=disability")).GetProperty("items");
        Assert.Contains(tagged.EnumerateArray(), c => c.GetProperty("title").GetString() == "Bus stops without step-free access in Tang Hall");
        var older = Json.Parse(await demo.GetTextAsync("/api/cities/york/concerns?group=older-people&pageSize=100")).GetProperty("items");
        Assert.Contains(older.EnumerateArray(), c => c.GetProperty("assistedBy").GetString() == "official");
        foreach (var city in new[] { "utrecht", "lviv" })
            Assert.Equal(200, (await demo.GetAsync($"/api/cities/{city}/population")).Status);
    }
}
