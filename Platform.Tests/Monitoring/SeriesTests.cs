using System.Globalization;
using System.Text;

namespace Platform.Tests.Monitoring;

/// <summary>Adopting indicators, recording and correcting values, importing and exporting files, status and gaps.</summary>
[Collection(IntegrationCollection.Name)]
public class SeriesTests(AppFixture app)
{
    private async Task<System.Text.Json.JsonElement> GetAsync(string url)
    {
        var result = await app.Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(200); });
        return Json.Parse(await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task A_city_adopts_indicators_and_sees_which_core_indicators_are_missing()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013");
        var consultation = await app.DraftConsultationAsync(official, city);
        await app.Host.Scenario(x =>
        {
            x.Post.Json(new
            {
                code = "BUS-STOPS", baseline = new { period = "2020", value = 40 }, target = 90, targetYear = 2030, department = "Transport", consultationId = consultation,
                local = new { name = "Bus stops with step-free access", right = "mobility", unit = "%", unitKind = "percentage", direction = "increase", disaggregations = new[] { "district" } },
            }).ToUrl($"/api/cities/{city}/indicators");
            x.As(official);
            x.StatusCodeShouldBe(201);
        });

        var set = await GetAsync($"/api/cities/{city}/indicators");
        var codes = set.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
        Assert.Equal(["BUS-STOPS", "IND-013"], codes);
        var core = set.GetProperty("core");
        Assert.Equal(20, core.GetProperty("required").GetInt32());
        Assert.Equal(1, core.GetProperty("adopted").GetInt32());
        Assert.False(core.GetProperty("complete").GetBoolean());
        Assert.DoesNotContain(core.GetProperty("missing").EnumerateArray(), m => m.GetProperty("code").GetString() == "IND-013");
        Assert.Contains(core.GetProperty("missing").EnumerateArray(), m => m.GetProperty("code").GetString() == "IND-016");
        var local = set.GetProperty("indicators")[0];
        Assert.True(local.GetProperty("local").GetBoolean());
        Assert.Equal(consultation, local.GetProperty("consultationId").GetGuid());
        await app.RecordAsync(city, official, "BUS-STOPS", new { period = "2021", value = 45, disaggregation = new { district = "Clifton" } });
        await app.RecordAsync(city, official, "BUS-STOPS", new { period = "2021", value = 45, disaggregation = new { sex = "female" } }, 400);
        Assert.Equal("noData", local.GetProperty("progress").GetProperty("status").GetString());

        await app.Host.Scenario(x =>
        {
            x.Post.Json(new { code = "IND-013", baseline = new { period = "2018", value = 80 }, department = "Housing" }).ToUrl($"/api/cities/{city}/indicators");
            x.As(official);
            x.StatusCodeShouldBe(409);
        });
    }

    [Fact]
    public async Task Values_give_the_latest_value_trend_progress_and_gaps_and_a_correction_needs_a_reason()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2018", 80, 95, 2030);
        await app.RecordAsync(city, official, "IND-013", new { period = "2022", value = 86, source = "survey", methodNote = "Household survey" });
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 90 });
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 84, disaggregation = new { sex = "female" } });
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 92, disaggregation = new { sex = "male" } });

        var conflict = await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 91 }, 409);
        var problem = Json.Parse(await conflict.ReadAsTextAsync());
        Assert.Equal("correction-needs-reason", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 91, reason = "Survey reweighted" });

        var detail = await GetAsync($"/api/cities/{city}/indicators/IND-013");
        var series = detail.GetProperty("series");
        Assert.Equal("2024", series.GetProperty("latest").GetProperty("period").GetString());
        Assert.Equal(91, series.GetProperty("latest").GetProperty("value").GetDouble());
        Assert.Equal("improving", series.GetProperty("trend").GetString());
        // CAGR 2018-2024: (91/80)^(1/6)-1 = 2.17 %; needed 2018-2030: (95/80)^(1/12)-1 = 1.44 %: ratio > 95 %.
        Assert.Equal("onTrack", series.GetProperty("progress").GetProperty("status").GetString());
        var gap = series.GetProperty("gaps")[0];
        Assert.Equal("sex", gap.GetProperty("dimension").GetString());
        Assert.Equal(8, gap.GetProperty("spread").GetDouble(), 6);
        Assert.Equal("female", gap.GetProperty("lowest").GetString());
        var corrected = detail.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("period").GetString() == "2024" && v.GetProperty("disaggregation").EnumerateObject().Count() == 0);
        Assert.Equal("Survey reweighted", corrected.GetProperty("correctionReason").GetString());
        Assert.Equal(90, corrected.GetProperty("history")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task An_import_stores_every_row_and_the_export_gives_the_same_file_back()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-016", "2019", 120, 80, 2030);
        const string csv = "Year,Sex,District,Denominator,Value\n2020,,,200000,118\n2020,female,,100000,90\n2020,male,,100000,146\n2021,,Centre,50000,150.5\n2022,,,201000,110\n";
        var result = await app.ImportAsync(city, official, "IND-016", csv);
        Assert.Equal(5, Json.Parse(await result.ReadAsTextAsync()).GetProperty("imported").GetInt32());

        var exported = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{city}/indicators/IND-016/data.csv"); x.StatusCodeShouldBe(200); });
        var text = await exported.ReadAsTextAsync();
        Assert.StartsWith("Year,Units,sex,district,Denominator,Value\n", text);
        Assert.Contains("2021,rate,,Centre,50000,150.5\n", text);

        // The exported file imports into another city unchanged (round trip).
        var (other, otherOfficial) = await app.MonitoringCityAsync();
        await app.AdoptAsync(other, otherOfficial, "IND-016", "2019", 120, 80, 2030);
        await app.ImportAsync(other, otherOfficial, "IND-016", text);
        var again = await app.Host.Scenario(x => { x.Get.Url($"/api/cities/{other}/indicators/IND-016/data.csv"); x.StatusCodeShouldBe(200); });
        Assert.Equal(text, await again.ReadAsTextAsync());

        var json = await GetAsync($"/api/cities/{city}/indicators/IND-016/data.json");
        Assert.Equal(5, json.GetArrayLength());
        Assert.Equal("2020", json[0].GetProperty("Year").GetString());
        Assert.Equal(118, json[0].GetProperty("Value").GetDouble());

        // Importing the same file again changes nothing.
        var repeat = Json.Parse(await (await app.ImportAsync(city, official, "IND-016", csv)).ReadAsTextAsync());
        Assert.Equal(0, repeat.GetProperty("imported").GetInt32());
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_a_report_naming_line_and_column()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2018", 80, 95, 2030);
        var before = await app.EventCountAsync();
        const string csv = "Year,Sex,Value\n2019,,81\n2020,female,140\n2099,,82\n2021,colour,abc\n2017,,70\n2021,,83\n2021,,84\n";
        var result = await app.ImportAsync(city, official, "IND-013", csv, 422);
        var problem = Json.Parse(await result.ReadAsTextAsync());
        Assert.Equal("import-refused", problem.GetProperty("code").GetString());
        var problems = problem.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Contains((3, "Value"), problems);  // 140 %
        Assert.Contains((4, "Year"), problems);   // future
        Assert.Contains((5, "Value"), problems);  // not a number
        Assert.Contains((6, "Year"), problems);   // before the baseline
        Assert.Contains((8, "Year"), problems);   // duplicates line 7
        Assert.DoesNotContain(problems, p => p.Item1 == 2);
        Assert.Equal(before, await app.EventCountAsync());
        var set = await GetAsync($"/api/cities/{city}/indicators/IND-013");
        Assert.Equal(0, set.GetProperty("values").GetArrayLength());
    }

    [Fact]
    public async Task A_file_of_ten_thousand_rows_is_imported_whole()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2015", 70, 95, 2030);
        var csv = new StringBuilder("Year,District,Sex,Value\n");
        var rows = 0;
        for (var year = 2015; year <= 2024; year++)
            for (var district = 0; district < 500; district++)
                foreach (var sex in new[] { "female", "male" })
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{year},D{district:000},{sex},{50 + (district % 40) + (year - 2015) * 0.5}\n");
                    rows++;
                }
        Assert.Equal(10_000, rows);
        var result = await app.ImportAsync(city, official, "IND-013", csv.ToString());
        Assert.Equal(10_000, Json.Parse(await result.ReadAsTextAsync()).GetProperty("imported").GetInt32());
        var json = await GetAsync($"/api/cities/{city}/indicators/IND-013/data.json");
        Assert.Equal(10_000, json.GetArrayLength());
        var series = (await GetAsync($"/api/cities/{city}/indicators")).GetProperty("indicators")[0];
        Assert.Equal(10_000, series.GetProperty("values").GetInt32());
    }

    [Fact]
    public async Task Changing_the_target_needs_a_reason_and_changes_the_status()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013", "2018", 80, 95, 2030);
        await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 82 });
        var before = await GetAsync($"/api/cities/{city}/indicators/IND-013");
        Assert.Equal("limitedProgress", before.GetProperty("series").GetProperty("progress").GetProperty("status").GetString());

        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { target = 85, targetYear = 2030 }).ToUrl($"/api/cities/{city}/indicators/IND-013/target");
            x.As(official);
            x.StatusCodeShouldBe(400);
        });
        await app.Host.Scenario(x =>
        {
            x.Put.Json(new { target = (double?)null, targetYear = (int?)null, reason = "No agreed target yet" }).ToUrl($"/api/cities/{city}/indicators/IND-013/target");
            x.As(official);
            x.StatusCodeShouldBe(200);
        });
        var after = (await GetAsync($"/api/cities/{city}/indicators/IND-013")).GetProperty("series").GetProperty("progress");
        // Without a target: (82/80)^(1/6) - 1 = 0.41 % a year, under the 0.5 % threshold.
        Assert.Equal("fixed-thresholds", after.GetProperty("method").GetString());
        Assert.Equal("limitedProgress", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Only_officials_of_the_city_record_import_or_adopt()
    {
        var (city, official) = await app.MonitoringCityAsync();
        await app.AdoptAsync(city, official, "IND-013");
        var resident = await app.AccountAsync(city, CityRole.Resident);
        var elsewhere = await app.OfficialAsync("utrecht");
        var before = await app.EventCountAsync();
        foreach (var actor in new[] { resident, elsewhere })
        {
            await app.RecordAsync(city, actor, "IND-013", new { period = "2020", value = 85 }, 403);
            await app.ImportAsync(city, actor, "IND-013", "Year,Value\n2020,85\n", 403);
            await app.Host.Scenario(x =>
            {
                x.Post.Json(new { code = "IND-016", baseline = new { period = "2018", value = 80 }, department = "Housing" }).ToUrl($"/api/cities/{city}/indicators");
                x.As(actor);
                x.StatusCodeShouldBe(403);
            });
        }
        await app.Host.Scenario(x => { x.Post.Json(new { period = "2020", value = 85 }).ToUrl($"/api/cities/{city}/indicators/IND-013/measurements"); x.StatusCodeShouldBe(401); });
        Assert.Equal(before, await app.EventCountAsync());
    }
}
