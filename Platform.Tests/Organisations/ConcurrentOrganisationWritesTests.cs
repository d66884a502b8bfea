namespace Platform.Tests.Organisations;

/// <summary>Verifying an organisation and correcting a shadow report, each sent twice at once: one effect stored.</summary>
[Collection(IntegrationCollection.Name)]
public class ConcurrentOrganisationWritesTests(AppFixture app)
{
    [Fact]
    public async Task Verifying_an_organisation_twice_at_once_verifies_it_once()
    {
        var city = await app.NewCityAsync();
        var (id, _) = await app.RegisterOrganisationAsync(city);

        await app.TwiceAtOnceAsync(HttpMethod.Post, $"/api/cities/{city}/organisations/{id}/verification", null, await app.AccountAsync(city, CityRole.Official));

        var (_, organisation) = await app.GetAsync($"/api/cities/{city}/organisations/{id}");
        Assert.Equal("verified", organisation.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_correction_of_a_shadow_report_twice_at_once_makes_one_new_version()
    {
        var city = await app.NewCityAsync();
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        var year = DateTimeOffset.UtcNow.Year - 1;
        var id = await app.PublishShadowReportAsync(city, organisation, member, year);
        var url = $"/api/cities/{city}/reports/{year}/shadow/{id}";

        await app.TwiceAtOnceAsync(HttpMethod.Post, $"{url}/versions", new { note = "December figures added.", title = "Housing is still not getting better", indicators = "Overcrowding rose three years running." }, member);

        var (_, report) = await app.GetAsync(url);
        Assert.Equal([1, 2], report.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));

        // Sent again later (a retry): the current version says it already, nothing changes; a new text is a new version.
        var before = await app.EventCountAsync();
        await app.PostAsync($"{url}/versions", new { note = "December figures added.", title = "Housing is still not getting better", indicators = "Overcrowding rose three years running." }, member, 200);
        Assert.Equal(before, await app.EventCountAsync());
        await app.PostAsync($"{url}/versions", new { note = "January figures added.", title = "Housing is still not getting better", indicators = "Overcrowding rose three years running." }, member, 200);
        Assert.Equal(before + 1, await app.EventCountAsync());
    }
}
