using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Tests.Monitoring;

/// <summary>
/// The stored form of a series' data points (Platform.Api/Monitoring/SeriesPointsFormat.cs), through the store's own
/// serializer: every field of every point comes back, keys included; empty and missing fields are not written; and a
/// series stored in the earlier map form still reads.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class SeriesPointsFormatTests(AppFixture app)
{
    private ISerializer Serializer => app.Host.Services.GetRequiredService<IDocumentStore>().Options.Serializer();

    private static readonly DateTimeOffset At = new(2026, 12, 7, 9, 30, 0, TimeSpan.FromHours(1));

    private static IndicatorSeries Series()
    {
        var adopted = new IndicatorAdopted(Guid.NewGuid(), "IND-014", IndicatorReference.Indicators["IND-014"], false,
            "2000", 70, 95, 2030, "Housing", null, Guid.NewGuid(), At);
        var headline = new Measurement("2024", ImmutableDictionary<string, string>.Empty, 51.5, null, SourceKind.Administrative, null, null);
        var group = new Measurement("2024", new Dictionary<string, string> { ["sex"] = "female", ["district"] = "Acomb" }, 48.25, 1200, SourceKind.Survey, "Ward survey", "E05001");
        var community = headline with { Value = 40, Source = SourceKind.Community };
        var corrected = headline with { Value = 52 };
        return IndicatorSeries.From(adopted)
            .Then(new MeasurementsImported(adopted.SeriesId, [headline, group, community], null, 1, Guid.NewGuid(), At))
            .Then(new MeasurementCorrected(adopted.SeriesId, corrected, 51.5, "Late returns", 2, Guid.NewGuid(), At.AddDays(1)));
    }

    [Fact]
    public void Every_point_comes_back_with_its_key_its_groups_and_its_history()
    {
        var series = Series();
        var json = Serializer.ToJson(series);
        var back = Serializer.FromJson<IndicatorSeries>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));

        Assert.Equal(series.Points.Keys.Order(), back.Points.Keys.Order());
        foreach (var (key, point) in series.Points)
        {
            var read = back.Points[key];
            Assert.Equal(point.Measurement.Period, read.Measurement.Period);
            Assert.Equal(point.Measurement.Disaggregation.OrderBy(g => g.Key), read.Measurement.Disaggregation.OrderBy(g => g.Key));
            Assert.Equal(point.Measurement with { Disaggregation = read.Measurement.Disaggregation }, read.Measurement);
            Assert.Equal((point.IndicatorVersion, point.RecordedAt, point.CorrectionReason), (read.IndicatorVersion, read.RecordedAt, read.CorrectionReason));
            Assert.Equal(point.History, read.History);
        }
        var corrected = back.Points[Disaggregation.PointKey("2024", ImmutableDictionary<string, string>.Empty)];
        Assert.Equal(52, corrected.Measurement.Value);
        Assert.Equal(51.5, Assert.Single(corrected.History).Value);
    }

    [Fact]
    public void Missing_fields_and_empty_histories_are_not_written()
    {
        var json = Serializer.ToJson(Series());
        var points = JsonDocument.Parse(json).RootElement.GetProperty("points");
        Assert.Equal(JsonValueKind.Array, points.ValueKind);
        var headline = points.EnumerateArray().Single(p => !p.TryGetProperty("g", out _) && p.GetProperty("s").GetString() == "Administrative");
        Assert.False(headline.TryGetProperty("d", out _));
        Assert.False(headline.TryGetProperty("n", out _));
        Assert.True(headline.TryGetProperty("h", out _)); // it was corrected
        var community = points.EnumerateArray().Single(p => p.GetProperty("s").GetString() == "Community");
        Assert.False(community.TryGetProperty("h", out _));
        Assert.All(points.EnumerateArray().SelectMany(p => p.EnumerateObject()), field => Assert.NotEqual(JsonValueKind.Null, field.Value.ValueKind));
    }

    [Fact]
    public void A_series_stored_as_a_map_of_points_still_reads()
    {
        var series = Series();
        var json = Serializer.ToJson(series);
        // The earlier form: the key of each point, then the point with the measurement as an object of its own.
        var map = new JsonObject();
        foreach (var (key, point) in series.Points)
            map[key] = new JsonObject
            {
                ["measurement"] = JsonNode.Parse(JsonSerializer.Serialize(point.Measurement, StoredJson)),
                ["indicatorVersion"] = point.IndicatorVersion,
                ["recordedAt"] = point.RecordedAt,
                ["correctionReason"] = point.CorrectionReason,
                ["history"] = JsonNode.Parse(JsonSerializer.Serialize(point.History, StoredJson)),
            };
        var old = JsonNode.Parse(json)!.AsObject();
        old["points"] = map;

        var back = Serializer.FromJson<IndicatorSeries>(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(old.ToJsonString())));
        Assert.Equal(series.Points.Keys.Order(), back.Points.Keys.Order());
        Assert.Equal(48.25, back.Points.Values.Single(p => p.Measurement.Source == SourceKind.Survey).Measurement.Value);
    }

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
