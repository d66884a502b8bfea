using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>
/// How the store keeps a series' data points (<see cref="IndicatorSeries.Points"/>): an array of compact objects
/// instead of a map of full ones. The map repeated each point's key (computed again from its period, groups and
/// source on reading), wrapped the measurement in an object of its own and wrote every missing field as null and every
/// unrevised point's empty history; a 100,000-value series was a 34 MB jsonb document that PostgreSQL parsed and
/// compressed again on each import, the largest cost of a large import once the file itself was stored as bytes.
/// <para>
/// One point: <c>p</c> period, <c>g</c> groups (left out for the headline), <c>v</c> value, <c>s</c> source,
/// <c>d</c> denominator, <c>n</c> method note, <c>c</c> geographic code, <c>i</c> indicator version, <c>t</c> recorded
/// at, <c>r</c> correction reason, <c>h</c> earlier values (each a <see cref="PointRevision"/>); fields without a value
/// are left out. Series stored before this format (a map) still read.
/// </para>
/// </summary>
public sealed class SeriesPointsFormat : JsonConverter<ImmutableDictionary<string, DataPoint>>
{
    public override void Write(Utf8JsonWriter writer, ImmutableDictionary<string, DataPoint> points, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var point in points.Values)
        {
            var m = point.Measurement;
            writer.WriteStartObject();
            writer.WriteString("p", m.Period);
            if (m.Disaggregation.Count > 0)
            {
                writer.WriteStartObject("g");
                foreach (var (dimension, group) in m.Disaggregation) writer.WriteString(dimension, group);
                writer.WriteEndObject();
            }
            writer.WriteNumber("v", m.Value);
            writer.WritePropertyName("s");
            JsonSerializer.Serialize(writer, m.Source, options);
            if (m.Denominator is { } denominator) writer.WriteNumber("d", denominator);
            if (m.MethodNote is { } note) writer.WriteString("n", note);
            if (m.GeoCode is { } geoCode) writer.WriteString("c", geoCode);
            writer.WriteNumber("i", point.IndicatorVersion);
            writer.WriteString("t", point.RecordedAt);
            if (point.CorrectionReason is { } reason) writer.WriteString("r", reason);
            if (point.History.Count > 0)
            {
                writer.WritePropertyName("h");
                JsonSerializer.Serialize(writer, point.History, options);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    public override ImmutableDictionary<string, DataPoint> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject) // stored before this format: the key-to-point map
            return JsonSerializer.Deserialize<Dictionary<string, DataPoint>>(ref reader, options)!.ToImmutableDictionary();
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A series' points are an array.");

        var points = ImmutableDictionary.CreateBuilder<string, DataPoint>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var point = ReadPoint(ref reader, options);
            var m = point.Measurement;
            points[Disaggregation.PointKey(m.Period, m.Disaggregation, m.Source)] = point;
        }
        return points.ToImmutable();
    }

    private static readonly IReadOnlyDictionary<string, string> Headline = ImmutableDictionary<string, string>.Empty;

    private static DataPoint ReadPoint(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("A series' point is an object.");
        string period = "";
        IReadOnlyDictionary<string, string> groups = Headline;
        double value = 0;
        var source = SourceKind.Administrative;
        double? denominator = null;
        string? note = null, geoCode = null, reason = null;
        var version = 0;
        DateTimeOffset recordedAt = default;
        ImmutableList<PointRevision> history = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "p": period = reader.GetString()!; break;
                case "g": groups = JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options)!; break;
                case "v": value = reader.GetDouble(); break;
                case "s": source = JsonSerializer.Deserialize<SourceKind>(ref reader, options); break;
                case "d": denominator = reader.GetDouble(); break;
                case "n": note = reader.GetString(); break;
                case "c": geoCode = reader.GetString(); break;
                case "i": version = reader.GetInt32(); break;
                case "t": recordedAt = reader.GetDateTimeOffset(); break;
                case "r": reason = reader.GetString(); break;
                case "h": history = JsonSerializer.Deserialize<ImmutableList<PointRevision>>(ref reader, options)!; break;
                default: reader.Skip(); break;
            }
        }
        return new DataPoint(new Measurement(period, groups, value, denominator, source, note, geoCode), version, recordedAt, reason, history);
    }
}
