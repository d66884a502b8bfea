using Platform.Domain.Monitoring;

namespace Platform.Tests.Monitoring;

/// <summary>
/// The complaint indicators the platform computes from its concern events (received, answered in time, resolved; by
/// year and quarter, right and district), kept by the async projection, shown like any series, never typed in.
/// Each test in a fresh city, so the figures are exactly the test's own.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class ComplaintIndicatorTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static object Concern(string district, params string[] rights) =>
        new { title = "Broken lift at the station", description = "For weeks.", rights, sdgTargets = Array.Empty<string>(), district };

    [Fact]
    public async Task Concerns_raised_answered_in_time_answered_late_and_resolved_are_counted_by_right_and_district()
    {
        var city = await app.NewCityAsync(concernResponseDays: 30);
        await DistrictsAsync(city, "Clifton", "Acomb");
        Guid late, hidden;
        Guid[] inTime;
        var earlier = DateTimeOffset.UtcNow.AddDays(-40);
        try
        {
            // Forty days ago: four concerns raised and acknowledged (each answer due in 30 days), two answered at once.
            app.Clock.Offset = TimeSpan.FromDays(-40);
            var official = await app.AccountAsync(city, CityRole.Official); // tokens are minted on the moved clock
            var resident = await app.ResidentAsync(city);
            inTime = [await app.RaiseAsync(city, Concern("Clifton", "housing", "health"), resident), await app.RaiseAsync(city, Concern("Acomb", "housing"), resident)];
            late = await app.RaiseAsync(city, Concern("Clifton", "mobility"), resident);
            hidden = await app.RaiseAsync(city, Concern("Acomb", "health"), resident);
            foreach (var id in inTime.Append(late).Append(hidden))
                await app.ActAsync(id, "acknowledgement", official, new { department = "Housing" }, city: city);
            foreach (var id in inTime) await app.ActAsync(id, "answer", official, new { answer = "Repaired." }, city: city);
        }
        finally
        {
            app.Clock.Offset = TimeSpan.Zero;
        }
        // Today: the third is answered ten days after its deadline; the first is resolved; the fourth hidden (it still counts as received).
        var now = DateTimeOffset.UtcNow;
        var officialNow = await app.AccountAsync(city, CityRole.Official, CityRole.Moderator);
        await app.ActAsync(late, "answer", officialNow, new { answer = "Repaired, late." }, city: city);
        await app.ActAsync(inTime[0], "resolution", officialNow, new { note = "Lift works." }, city: city);
        await app.ActAsync(hidden, "hiding", officialNow, new { reason = "A private phone number." }, city: city);

        // The daemon folds events in order: once the resolution (the last event that counts) shows, everything before it does.
        var resolved = await SeriesAsync(city, PlatformIndicators.Resolved, s => Value(s, Year(now)) == 1);
        Assert.Equal(1, Value(resolved, Quarter(now), "district", "Clifton"));
        Assert.Equal(1, Value(resolved, Year(now), "right", "health"));

        var received = await SeriesAsync(city, PlatformIndicators.Received, _ => true);
        Assert.Equal(4, Value(received, Year(earlier)));
        Assert.Equal(4, Value(received, Quarter(earlier)));
        Assert.Equal(2, Value(received, Year(earlier), "right", "housing"));
        Assert.Equal(2, Value(received, Year(earlier), "right", "health"));
        Assert.Equal(1, Value(received, Year(earlier), "right", "mobility"));
        Assert.Equal(2, Value(received, Year(earlier), "district", "Clifton"));
        Assert.Equal(2, Value(received, Year(earlier), "district", "Acomb"));

        var inTimeSeries = await SeriesAsync(city, PlatformIndicators.AnsweredInTime, _ => true);
        Assert.Equal(2, Value(inTimeSeries, Year(earlier)));
        Assert.Equal(2, Value(inTimeSeries, Year(earlier), "right", "housing"));
        Assert.Equal(1, Value(inTimeSeries, Year(earlier), "right", "health"));
        Assert.Null(Value(inTimeSeries, Year(earlier), "right", "mobility")); // answered, but late
        Assert.Equal(1, Value(inTimeSeries, Year(earlier), "district", "Clifton"));
        Assert.Equal(1, Value(inTimeSeries, Year(earlier), "district", "Acomb"));
        if (Year(now) != Year(earlier)) Assert.Equal(0, Value(inTimeSeries, Year(now)));

        // Shown like any series, with the platform as its source and origin.
        var details = received.GetProperty("series");
        Assert.Equal("platform", details.GetProperty("origin").GetProperty("kind").GetString());
        var value = received.GetProperty("values").EnumerateArray().First();
        Assert.Equal("platform", value.GetProperty("source").GetString());
        Assert.Equal(PlatformIndicators.MethodNote, value.GetProperty("methodNote").GetString());
        var (_, set) = await app.GetAsync($"/api/cities/{city}/indicators");
        Assert.Equal(3, set.GetProperty("indicators").EnumerateArray().Count(i => i.GetProperty("origin").GetProperty("kind").GetString() == "platform"));
        var page = await app.GetTextAsync($"/cities/{city}/indicators/{PlatformIndicators.Received}");
        Assert.Contains("Computed by the platform from its concern records", page);
        Assert.DoesNotContain("Broken lift", page); // counted without exposing any content
    }

    [Fact]
    public async Task A_computed_series_refuses_every_hand_made_value_with_409_and_stores_nothing()
    {
        var city = await app.NewCityAsync();
        var official = await app.AccountAsync(city, CityRole.Official);
        await app.RaiseAsync(city, Concern("Clifton", "housing"), await app.ResidentAsync(city));
        await SeriesAsync(city, PlatformIndicators.Resolved, _ => true);
        var before = await app.EventCountAsync();

        foreach (var code in PlatformIndicators.All.Select(d => d.Code))
        {
            await ProblemAssert.NamesAsync(await app.RecordAsync(city, official, code, new { period = "2025", value = 100 }, 409), 409, "computed-by-platform");
            await ProblemAssert.NamesAsync(await app.ImportAsync(city, official, code, "Year,Value\n2025,100\n", 409), 409, "computed-by-platform");
            await ProblemAssert.NamesAsync(await app.Host.Scenario(x =>
            {
                x.Put.Json(new { target = 5, targetYear = 2030, reason = "More." }).ToUrl($"/api/cities/{city}/indicators/{code}/target");
                x.As(official);
                x.StatusCodeShouldBe(409);
            }), 409, "computed-by-platform");
            await ProblemAssert.NamesAsync(await app.Host.Scenario(x =>
            {
                x.Post.Json(new { code, baseline = new { period = "2025", value = 1 }, department = "Housing" }).ToUrl($"/api/cities/{city}/indicators");
                x.As(official);
                x.StatusCodeShouldBe(409);
            }), 409, "computed-by-platform");
        }
        // Nor may a value of another series claim the platform as its source, nor an administrator revise one.
        await app.AdoptAsync(city, official);
        await ProblemAssert.NamesAsync(await app.RecordAsync(city, official, "IND-013", new { period = "2024", value = 81, source = "platform" }, 400), 400, "source");
        var administrator = await app.NetworkAdministratorAsync();
        await ProblemAssert.NamesAsync(await app.Host.Scenario(x =>
        {
            x.Put.Json(new { name = "Anything" }).ToUrl($"/api/indicators/{PlatformIndicators.Received}");
            x.As(administrator);
            x.StatusCodeShouldBe(409);
        }), 409, "computed-by-platform");

        Assert.Equal(before + 1, await app.EventCountAsync()); // the adoption of IND-013 only
        var (_, series) = await app.GetAsync($"/api/cities/{city}/indicators/{PlatformIndicators.Received}");
        Assert.All(series.GetProperty("values").EnumerateArray(), v => Assert.Equal("platform", v.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task The_catalogue_lists_the_computed_indicators_with_the_platform_as_their_origin()
    {
        var (status, body) = await app.GetAsync($"/api/indicators/{PlatformIndicators.AnsweredInTime}");
        Assert.Equal(200, status);
        Assert.Equal("platform", body.GetProperty("indicator").GetProperty("origin").GetString());
        Assert.Equal("platform", body.GetProperty("indicator").GetProperty("source").GetString());
        var (_, list) = await app.GetAsync("/api/indicators?right=justice-remedy");
        Assert.Equal(PlatformIndicators.All.Select(d => d.Code).Order(),
            list.GetProperty("indicators").EnumerateArray().Where(i => i.GetProperty("origin").GetString() == "platform").Select(i => i.GetProperty("code").GetString()).Order());
    }

    private static string Year(DateTimeOffset at) => at.UtcDateTime.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Only_the_citys_own_districts_are_published_by_name_any_other_counts_under_other()
    {
        var city = await app.NewCityAsync();
        await DistrictsAsync(city, "Clifton");
        var resident = await app.ResidentAsync(city);
        await app.RaiseAsync(city, Concern(" clifton ", "housing"), resident);
        await app.RaiseAsync(city, Concern("12 Acacia Avenue, flat 3", "housing"), resident);
        await app.RaiseAsync(city, Concern("Acomb", "housing"), resident);
        var year = Year(DateTimeOffset.UtcNow);

        var received = await SeriesAsync(city, PlatformIndicators.Received, s => Value(s, year) == 3);
        Assert.Equal(1, Value(received, year, "district", "Clifton"));
        Assert.Equal(2, Value(received, year, "district", PlatformIndicators.OtherDistrict));
        var text = received.GetRawText();
        Assert.DoesNotContain("Acacia", text);
        Assert.DoesNotContain("Acomb", text);

        // The city names Acomb as one of its districts: its concerns show under its name at once, no new concern needed.
        await DistrictsAsync(city, "Clifton", "Acomb");
        received = await SeriesAsync(city, PlatformIndicators.Received, s => Value(s, year, "district", "Acomb") == 1);
        Assert.Equal(1, Value(received, year, "district", PlatformIndicators.OtherDistrict));
        Assert.DoesNotContain("Acacia", received.GetRawText());
    }

    /// <summary>An official of the city enters population shares naming <paramref name="districts"/> (the city's own districts).</summary>
    private async Task DistrictsAsync(string city, params string[] districts) =>
        await app.SendAsync(HttpMethod.Put, $"/api/cities/{city}/population", new
        {
            shares = districts.Select(d => new { dimension = "district", group = d, percent = 5.0 }).ToArray(),
            source = new { name = "Census 2021", year = 2021, url = (string?)null },
        }, await app.OfficialAsync(city), 200);

    private static string Quarter(DateTimeOffset at) => $"{Year(at)}-Q{(at.UtcDateTime.Month - 1) / 3 + 1}";

    /// <summary>The value of a period and group (none: the headline), or null when the series has none.</summary>
    private static double? Value(JsonElement series, string period, string? dimension = null, string? group = null) =>
        series.GetProperty("values").EnumerateArray()
            .Where(v => v.GetProperty("period").GetString() == period)
            .Where(v => dimension is null
                ? !v.GetProperty("disaggregation").EnumerateObject().Any()
                : v.GetProperty("disaggregation").TryGetProperty(dimension, out var g) && g.GetString() == group)
            .Select(v => (double?)v.GetProperty("value").GetDouble()).SingleOrDefault();

    /// <summary>The series of <paramref name="code"/> once the async projection has written what <paramref name="ready"/> expects (it fails after 30 s).</summary>
    private async Task<JsonElement> SeriesAsync(string city, string code, Func<JsonElement, bool> ready)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await app.GetAsync($"/api/cities/{city}/indicators/{code}");
            if (status == 200 && ready(body)) return body;
            if (watch.Elapsed > Patience) throw new TimeoutException($"{code} of {city} did not reach the expected figures: {status} {body}");
            await Task.Delay(200);
        }
    }
}
