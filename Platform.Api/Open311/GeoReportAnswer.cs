using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Platform.Api.Open311;

/// <summary>The two formats of GeoReport v2, chosen by the extension of the path (<c>services.json</c>, <c>services.xml</c>).</summary>
public enum GeoReportFormat { Json, Xml }

/// <summary>
/// One record of a GeoReport answer (a service, a request, an error): its fields in the specification's order and names.
/// A field's value is text, a number, a boolean, a date, null, or a <see cref="GeoReportList"/> of records.
/// </summary>
public sealed record GeoReportRecord(IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    public static GeoReportRecord Of(params (string Name, object? Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Name, f.Value)).ToList());
}

/// <summary>A list of records: a JSON array of objects, in XML one element per record named <see cref="ItemName"/>.</summary>
public sealed record GeoReportList(string ItemName, IReadOnlyList<GeoReportRecord> Items);

/// <summary>
/// Writes GeoReport answers in either format from one description, so JSON and XML always say the same: a list answer is a
/// JSON array (XML: a root element holding one element per record), a single record a JSON object (XML: the root element).
/// Dates are W3C date-times with their offset; XML starts with its UTF-8 declaration, as the specification asks.
/// </summary>
public static class GeoReportAnswer
{
    /// <summary>The format a path's extension names, or null for any other.</summary>
    public static GeoReportFormat? FormatOf(string? extension) => extension?.ToLowerInvariant() switch
    {
        "json" => GeoReportFormat.Json,
        "xml" => GeoReportFormat.Xml,
        _ => null,
    };

    /// <summary>A list answer (<c>services</c>, <c>service_requests</c>, <c>errors</c>) with its status.</summary>
    public static IResult List(GeoReportFormat format, GeoReportList list, string root, int status = StatusCodes.Status200OK) =>
        format == GeoReportFormat.Json
            ? Text(Json(writer => WriteList(writer, list)), "application/json", status)
            : Text(Xml(new XElement(root, list.Items.Select(item => Element(list.ItemName, item)))), "text/xml", status);

    /// <summary>A single-record answer (<c>service_definition</c>).</summary>
    public static IResult Single(GeoReportFormat format, GeoReportRecord record, string root) =>
        format == GeoReportFormat.Json
            ? Text(Json(writer => WriteRecord(writer, record)), "application/json", StatusCodes.Status200OK)
            : Text(Xml(Element(root, record)), "text/xml", StatusCodes.Status200OK);

    /// <summary>
    /// The specification's error answer: a list of <c>{code, description}</c> (XML: <c>errors/error/code, description</c>),
    /// the code being the HTTP status, each description naming the parameter at fault.
    /// </summary>
    public static IResult Errors(GeoReportFormat format, int status, IEnumerable<string> descriptions) =>
        List(format, new GeoReportList("error", descriptions.Select(d => GeoReportRecord.Of(("code", status), ("description", d))).ToList()), "errors", status);

    public static IResult Error(GeoReportFormat format, int status, string description) => Errors(format, status, [description]);

    /// <summary>The 404 of a city that does not exist, in the format the path's extension names (JSON when none).</summary>
    public static IResult UnknownCity(HttpContext context) =>
        Error(FormatOf(Path.GetExtension(context.Request.Path.Value)?.TrimStart('.')) ?? GeoReportFormat.Json, StatusCodes.Status404NotFound,
            "city: no city of this name uses the platform.");

    private static IResult Text(string body, string contentType, int status) =>
        Results.Text(body, contentType + "; charset=utf-8", Encoding.UTF8, status);

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteList(Utf8JsonWriter writer, GeoReportList list)
    {
        writer.WriteStartArray();
        foreach (var item in list.Items) WriteRecord(writer, item);
        writer.WriteEndArray();
    }

    private static void WriteRecord(Utf8JsonWriter writer, GeoReportRecord record)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in record.Fields)
        {
            writer.WritePropertyName(name);
            switch (value)
            {
                case null: writer.WriteNullValue(); break;
                case string text: writer.WriteStringValue(text); break;
                case bool flag: writer.WriteBooleanValue(flag); break;
                case int number: writer.WriteNumberValue(number); break;
                case double number: writer.WriteNumberValue(number); break;
                case DateTimeOffset date: writer.WriteStringValue(Date(date)); break;
                case GeoReportList list: WriteList(writer, list); break;
                default: throw new ArgumentException($"A GeoReport field cannot hold a {value.GetType().Name}.");
            }
        }
        writer.WriteEndObject();
    }

    private static string Xml(XElement root) =>
        new XDeclaration("1.0", "utf-8", null) + Environment.NewLine + root.ToString(SaveOptions.DisableFormatting);

    private static XElement Element(string name, GeoReportRecord record) =>
        new(name, record.Fields.Select(f => f.Value switch
        {
            GeoReportList list => new XElement(f.Key, list.Items.Select(item => Element(list.ItemName, item))),
            _ => new XElement(f.Key, XmlSafe(Scalar(f.Value))),
        }));

    private static string Scalar(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        DateTimeOffset date => Date(date),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The text without the characters XML 1.0 cannot carry (control characters a JSON client may have stored).</summary>
    private static string XmlSafe(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && char.IsSurrogatePair(text[i], text[i + 1])) kept.Append(text[i]).Append(text[++i]);
            else if (System.Xml.XmlConvert.IsXmlChar(text[i])) kept.Append(text[i]);
        }
        return kept.ToString();
    }

    /// <summary>A W3C date-time to the second, with its offset from UTC (<c>2026-12-07T10:30:00+00:00</c>).</summary>
    public static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
