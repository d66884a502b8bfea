using System.Globalization;
using System.Text;
using Platform.Api.Monitoring;
using Platform.Domain.Monitoring;

namespace Platform.Tests.Monitoring;

/// <summary>
/// Imports at the size the platform takes in one file (100,000 rows: the import benchmark's file) and past its limits:
/// all rows or none, a refusal names the row or the file, and a refused file stores nothing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class LargeImportTests(AppFixture app)
{
    private const int Rows = 100_000;

    /// <summary>
    /// Rows of distinct values of IND-014 (outcome, percentage): years from 2001 on, 2,000 districts, both sexes; line
    /// <c>i + 2</c> of the file is <c>rows[i]</c>.
    /// </summary>
    private static List<string> ValueRows(int count)
    {
        var rows = new List<string>(count);
        for (var year = 2001; rows.Count < count; year++)
            for (var district = 0; district < 2000 && rows.Count < count; district++)
                foreach (var sex in new[] { "female", "male" })
                    if (rows.Count < count)
                        rows.Add(string.Create(CultureInfo.InvariantCulture, $"{year},D{district:0000},{sex},{40 + district % 50 + (year - 2001) * 0.3:0.0}"));
        return rows;
    }

    private static string FileOf(IEnumerable<string> rows) => "Year,District,Sex,Value\n" + string.Join('\n', rows) + "\n";

    /// <summary>A fresh city that adopted IND-014 with a baseline in 2000, and an official of it.</summary>
    private async Task<(string City, Actor Official)> AdoptedAsync()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-014", "2000", 70, 95, 2030);
        return (city, official);
    }

    /// <summary>The events of the city's IND-014 series (its adoption is the first).</summary>
    private static async Task<long> SeriesEventsAsync(string city)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from platform.mt_events where stream_id = @id", connection);
        command.Parameters.AddWithValue("id", SeriesStream.Id(city, "IND-014"));
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string> GetTextAsync(string url)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(200); });
        return await result.ReadAsTextAsync();
    }

    [Fact]
    public async Task A_file_of_a_hundred_thousand_rows_is_imported_whole_in_one_event_and_exported_back()
    {
        var (city, official) = await AdoptedAsync();
        var rows = ValueRows(Rows);
        var answer = Json.Parse(await (await app.ImportAsync(city, official, "IND-014", FileOf(rows))).ReadAsTextAsync());
        Assert.Equal(Rows, answer.GetProperty("imported").GetInt32());
        Assert.Equal(0, answer.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, await SeriesEventsAsync(city)); // the adoption, and one event for the file

        var series = Json.Parse(await GetTextAsync($"/api/cities/{city}/indicators")).GetProperty("indicators")[0];
        Assert.Equal(Rows, series.GetProperty("values").GetInt32());
        var exported = (await GetTextAsync($"/api/cities/{city}/indicators/IND-014/data.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Year,Units,sex,district,Value", exported[0]); // dimensions in the indicator's order
        Assert.Equal(Rows, exported.Length - 1);
        // The last row of the file comes back with its value (the export names the unit in each row).
        var last = rows[^1].Split(',');
        Assert.Contains($"{last[0]},%,{last[2]},{last[1]},{double.Parse(last[3], CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)}", exported);

        // The same file again: every row is unchanged, nothing is written.
        var again = Json.Parse(await (await app.ImportAsync(city, official, "IND-014", FileOf(rows))).ReadAsTextAsync());
        Assert.Equal(0, again.GetProperty("imported").GetInt32());
        Assert.Equal(Rows, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, await SeriesEventsAsync(city));
    }

    [Fact]
    public async Task One_bad_row_near_the_end_of_a_hundred_thousand_refuses_the_whole_file_naming_its_line_and_column()
    {
        var (city, official) = await AdoptedAsync();
        var rows = ValueRows(Rows);
        var bad = Rows - 7;
        var cells = rows[bad].Split(',');
        rows[bad] = $"{cells[0]},{cells[1]},{cells[2]},140"; // a percentage above 100
        rows[Rows - 2] = rows[Rows - 3]; // and the last-but-one row repeats the row before it

        var result = await app.ImportAsync(city, official, "IND-014", FileOf(rows), 422);
        var problem = await ProblemAssert.NamesAsync(result, 422, "import-refused");
        var problems = problem.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString()!)).ToList();
        Assert.Equal([(bad + 2, "Value"), (Rows - 2 + 2, "Year")], problems);
        Assert.Equal(2, problem.GetProperty("problemCount").GetInt32());

        Assert.Equal(1, await SeriesEventsAsync(city)); // the adoption only
        var detail = Json.Parse(await GetTextAsync($"/api/cities/{city}/indicators/IND-014"));
        Assert.Equal(0, detail.GetProperty("values").GetArrayLength());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_as_too_large_naming_the_file()
    {
        var (city, official) = await AdoptedAsync();
        var huge = new StringBuilder("Year,District,Value\n", MonitoringRules.MaxImportBytes + 2000);
        while (huge.Length <= MonitoringRules.MaxImportBytes) huge.Append("2020,").Append('x', 90).Append(",50\n");

        var result = await app.ImportAsync(city, official, "IND-014", huge.ToString(), 413);
        var problem = await ProblemAssert.NamesAsync(result, 413, "file");
        Assert.Equal("file-too-large", problem.GetProperty("code").GetString());
        Assert.Equal(1, await SeriesEventsAsync(city));
    }

    [Fact]
    public async Task A_body_without_a_length_is_read_up_to_the_limit_and_no_further()
    {
        var limit = MonitoringRules.MaxImportBytes;
        var within = new byte[limit];
        Array.Fill(within, (byte)'9');
        Assert.Equal(limit, (await ImportReport.ReadAsync(new MemoryStream(within), null, CancellationToken.None))?.Length);
        var over = new byte[limit + 1];
        Array.Fill(over, (byte)'9');
        Assert.Null(await ImportReport.ReadAsync(new MemoryStream(over), null, CancellationToken.None));
        // A body that says it is larger is refused without being read.
        Assert.Null(await ImportReport.ReadAsync(Stream.Null, limit + 1L, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_over_the_row_limit_is_refused_as_not_in_the_layout_and_stores_nothing()
    {
        var (city, official) = await AdoptedAsync();
        var file = new StringBuilder("Year,Value\n");
        for (var i = 0; i <= MonitoringRules.MaxImportRows; i++) file.Append("2020,50\n");

        var result = await app.ImportAsync(city, official, "IND-014", file.ToString(), 400);
        var problem = await ProblemAssert.NamesAsync(result, 400, "malformed-csv");
        var only = Assert.Single(problem.GetProperty("problems").EnumerateArray());
        Assert.Equal(MonitoringRules.MaxImportRows + 2, only.GetProperty("line").GetInt32()); // the first row past the limit
        Assert.Equal("*", only.GetProperty("column").GetString());
        Assert.Equal(1, await SeriesEventsAsync(city));
    }
}
