using System.Text;

namespace Platform.Tests.OpenData;

/// <summary>Every public view as CSV and JSON with the same cells, described by the data dictionary.</summary>
[Collection(IntegrationCollection.Name)]
public class OpenDataTests(AppFixture app)
{
    private static readonly string[] Datasets =
        ["concerns", "commitments", "scorecard", "indicators", "indicator-values", "network-indicators", "framework-coverage"];

    [Fact]
    public async Task The_dictionary_lists_every_dataset_with_its_urls_and_fields()
    {
        var dictionary = await JsonAsync("/api/open-data");
        var sets = dictionary.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal(Datasets, sets.Select(s => s.GetProperty("name").GetString()));
        foreach (var set in sets)
        {
            Assert.EndsWith("?format=csv", set.GetProperty("csv").GetString());
            Assert.EndsWith("?format=json", set.GetProperty("json").GetString());
            Assert.StartsWith("/api/", set.GetProperty("view").GetString());
            Assert.All(set.GetProperty("fields").EnumerateArray(), f =>
            {
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("name").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("type").GetString()));
                Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("meaning").GetString()));
            });
        }
        var file = Assert.Single(dictionary.GetProperty("files").EnumerateArray());
        Assert.Equal("/api/cities/{city}/indicators/{code}/data.csv", file.GetProperty("csv").GetString());
    }

    [Fact]
    public async Task Every_dataset_downloads_as_csv_and_json_with_the_same_rows()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2020", 80, 95, 2030);
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 84.5, disaggregation = new { sex = "female" }, methodNote = "Survey, \"wave 3\", n=1,200" });
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 83 });
        await app.PublishCommitmentAsync(official, city: city);
        await app.RaiseAsync(city);
        await ScorecardSettledAsync(city); // an async view: CSV and JSON must be read from the same state

        var dictionary = (await JsonAsync("/api/open-data")).GetProperty("datasets").EnumerateArray().ToList();
        foreach (var set in dictionary)
        {
            var name = set.GetProperty("name").GetString()!;
            var fields = set.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()!).ToList();
            var url = set.GetProperty("csv").GetString()!.Replace("{city}", city);

            var csvResult = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBeOk(); });
            Assert.StartsWith("text/csv", csvResult.Context.Response.ContentType);
            var csv = ParseCsv(await csvResult.ReadAsTextAsync());
            var json = await JsonAsync(set.GetProperty("json").GetString()!.Replace("{city}", city));
            var rows = json.GetProperty("rows").EnumerateArray().ToList();

            Assert.Equal(fields, csv[0]);
            Assert.Equal(rows.Count, json.GetProperty("count").GetInt32());
            Assert.Equal(rows.Count, csv.Count - 1);
            Assert.True(rows.Count > 0, $"{name} has rows");
            for (var i = 0; i < rows.Count; i++)
                Assert.Equal(fields.Select(f => Text(rows[i].GetProperty(f))), csv[i + 1]);
        }

        var values = ParseCsv(await (await app.Host.Scenario(x => x.Get.Url($"/api/cities/{city}/open-data/indicator-values?format=csv"))).ReadAsTextAsync());
        var female = values.Single(r => r[2] == "sex=female");
        Assert.Equal(["IND-013", "2024", "sex=female", "84.5"], female.Take(4));
        Assert.Equal("Survey, \"wave 3\", n=1,200", female[6]);
        var network = ParseCsv(await (await app.Host.Scenario(x => x.Get.Url("/api/open-data/network-indicators?format=csv"))).ReadAsTextAsync());
        Assert.Contains(network, r => r[0] == "IND-013" && r[3] == city && r[5] == "true" && r[7] == "83");

        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/open-data/nothing"); x.StatusCodeShouldBe(404); });
        await app.Host.Scenario(x => { x.Get.Url("/api/open-data/concerns"); x.StatusCodeShouldBe(404); }); // a city dataset needs its city
        await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/open-data/concerns?format=xml"); x.StatusCodeShouldBe(400); });
    }

    private async Task ScorecardSettledAsync(string city)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var card = await JsonAsync($"/api/cities/{city}/scorecard");
            if (card.GetProperty("concerns").GetProperty("raised").GetInt32() == 1
                && card.GetProperty("commitments").GetProperty("published").GetInt32() == 1) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("The scorecard did not count the concern and the commitment.");
    }

    private static string Text(JsonElement cell) => cell.ValueKind switch
    {
        JsonValueKind.Null => "",
        JsonValueKind.String => Platform.Domain.Reference.Csv.Neutralise(cell.GetString()!), // text that starts like a formula gets an apostrophe in CSV
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => cell.GetRawText(),
    };

    /// <summary>RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else if (c != '\r') field.Append(c);
        }
        return rows;
    }

    private async Task<JsonElement> JsonAsync(string url)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBeOk(); });
        return Json.Parse(await result.ReadAsTextAsync());
    }
}
