using Platform.Domain.Reference;

namespace Platform.Tests.Trust;

/// <summary>
/// Residents' and officials' text never runs as a formula in the spreadsheet of whoever opens the platform's CSV
/// files: a text cell that starts with <c>= + - @</c>, a tab or a carriage return is written with an apostrophe
/// before it. JSON keeps the raw value, and an exported file imports back unchanged.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class CsvFormulaTests(AppFixture app)
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "'=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1 555 0100", "'+1 555 0100")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tindented", "'\tindented")]
    [InlineData("\rreturn", "'\rreturn")]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("'s-Hertogenbosch", "'s-Hertogenbosch")]
    [InlineData("Step-free access", "Step-free access")]
    [InlineData("", "")]
    public void A_text_cell_that_starts_like_a_formula_is_neutralised_and_reads_back_as_it_was(string value, string written)
    {
        Assert.Equal(written, Csv.Neutralise(value));
        Assert.Equal(value, Csv.Restore(Csv.Neutralise(value)));
    }

    [Fact]
    public void Numbers_are_never_neutralised()
    {
        Assert.Equal("-3.5", Platform.Api.OpenData.OpenDataCells.CsvText(-3.5));
        Assert.Equal("-12", Platform.Api.OpenData.OpenDataCells.CsvText(-12L));
        Assert.Equal("'-12", Platform.Api.OpenData.OpenDataCells.CsvText("-12")); // the same characters as text are text
    }

    [Fact]
    public async Task A_concern_titled_as_a_formula_is_text_in_the_open_data_csv_and_raw_in_its_json()
    {
        var city = await app.NewCityAsync();
        const string title = "=HYPERLINK(\"http://evil.example\",\"Read more\")";
        await app.RaiseAsync(city, new { title, description = "@cmd|' /C calc'!A0", rights = new[] { "housing" }, district = "-Centre" });

        var csv = await (await app.Host.Scenario(x => x.Get.Url($"/api/cities/{city}/open-data/concerns?format=csv"))).ReadAsTextAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Read more\"\")\"", csv);
        Assert.Contains("'-Centre", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
        Assert.DoesNotContain(",\"=HYPERLINK", csv);

        var json = Json.Parse(await (await app.Host.Scenario(x => x.Get.Url($"/api/cities/{city}/open-data/concerns"))).ReadAsTextAsync());
        var row = Assert.Single(json.GetProperty("rows").EnumerateArray());
        Assert.Equal(title, row.GetProperty("title").GetString());
        Assert.Equal("-Centre", row.GetProperty("district").GetString());
    }

    [Fact]
    public async Task A_measurement_file_with_formula_like_groups_exports_them_neutralised_and_imports_back_unchanged()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2019", 80, 95, 2030);
        const string csv = "Year,District,Value\n2020,=cmd(),84.5\n2020,+North,83\n";
        var imported = await app.Host.Scenario(x =>
        {
            x.Post.Text(csv).ToUrl($"/api/cities/{city}/indicators/IND-013/measurements/import");
            x.ConfigureHttpContext(c => c.Request.ContentType = "text/csv");
            x.As(official);
            x.IgnoreStatusCode();
        });
        Assert.True(imported.Context.Response.StatusCode == 200, await imported.ReadAsTextAsync());

        var exported = await (await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/indicators/IND-013/data.csv"); x.StatusCodeShouldBe(200); })).ReadAsTextAsync();
        Assert.Contains(",'=cmd(),", exported);
        Assert.Contains(",'+North,", exported);
        Assert.Contains(",84.5\n", exported);

        var json = await (await app.Host.Scenario(x => x.Get.Url($"/api/cities/{city}/indicators/IND-013/data.json"))).ReadAsTextAsync();
        Assert.Contains(Json.Parse(json).EnumerateArray(), row => row.GetProperty("district").GetString() == "=cmd()");

        var (other, otherOfficial) = await app.MonitoringCityAsync();
        await app.AdoptAsync(other, otherOfficial, "IND-013", "2019", 80, 95, 2030);
        await app.ImportAsync(other, otherOfficial, "IND-013", exported);
        var again = await (await app.Host.Scenario(x => x.Get.Url($"/api/cities/{other}/indicators/IND-013/data.csv"))).ReadAsTextAsync();
        Assert.Equal(exported, again);
        var otherJson = await (await app.Host.Scenario(x => x.Get.Url($"/api/cities/{other}/indicators/IND-013/data.json"))).ReadAsTextAsync();
        Assert.Equal(json, otherJson);
    }
}
