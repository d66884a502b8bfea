using System.Globalization;
using System.Net.Http;
using System.Xml.Linq;

namespace Platform.Tests.Open311;

/// <summary>
/// A GeoReport v2 client written against the specification only (wiki.open311.org/GeoReport_v2): raw HTTP, the
/// specification's paths, form-encoded submissions, and answers read by the specification's field names from JSON
/// (<see cref="JsonDocument"/>) or XML (<see cref="XDocument"/>) into the same shape, so a test can check that both formats
/// say the same. It knows nothing of the platform's types.
/// </summary>
public sealed class GeoReportClient(HttpClient http, string city)
{
    public string Root => $"/open311/v2/{city}";

    public Task<GeoAnswer> ServicesAsync(string format, string? query = null) => GetAsync($"{Root}/services.{format}{query}");

    public Task<GeoAnswer> DefinitionAsync(string code, string format) => GetAsync($"{Root}/services/{Uri.EscapeDataString(code)}.{format}");

    public Task<GeoAnswer> RequestsAsync(string format, string? query = null) => GetAsync($"{Root}/requests.{format}{query}");

    public Task<GeoAnswer> RequestAsync(string id, string format) => GetAsync($"{Root}/requests/{Uri.EscapeDataString(id)}.{format}");

    /// <summary>Submits a service request, form-encoded (application/x-www-form-urlencoded), with exactly the fields given.</summary>
    public async Task<GeoAnswer> PostAsync(string format, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync($"{Root}/requests.{format}", content);
        return await GeoAnswer.ReadAsync(response);
    }

    public async Task<GeoAnswer> GetAsync(string url)
    {
        using var response = await http.GetAsync(url);
        return await GeoAnswer.ReadAsync(response);
    }

    /// <summary>The fields of a valid request for <paramref name="service"/> at a point, with <paramref name="extra"/> fields after them.</summary>
    public static List<KeyValuePair<string, string>> Fields(string? key, string service, string description, params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>();
        if (key is not null) fields.Add(new("api_key", key));
        fields.Add(new("service_code", service));
        fields.Add(new("lat", "53.9591"));
        fields.Add(new("long", "-1.0815"));
        fields.Add(new("description", description));
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return fields;
    }
}

/// <summary>
/// An answer: its status, content type and body, and the records it holds (a list answer's items; a single answer is one
/// record). A record maps each field to its text (null when empty or null) or, for a nested list, to a list of records.
/// </summary>
public sealed record GeoAnswer(int Status, string ContentType, string Body, string? Root, IReadOnlyList<Dictionary<string, object?>> Records)
{
    /// <summary>The error descriptions of an error answer, with their codes.</summary>
    public IReadOnlyList<(int Code, string Description)> Errors =>
        Records.Select(r => (int.Parse((string)r["code"]!, CultureInfo.InvariantCulture), (string)r["description"]!)).ToList();

    public string? Text(int record, string field) => Records[record].TryGetValue(field, out var value) ? value as string : null;

    public static async Task<GeoAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var (root, records) = type.Contains("xml") ? FromXml(body) : type.Contains("json") ? FromJson(body) : (null, []);
        return new GeoAnswer((int)response.StatusCode, type, body, root, records);
    }

    private static (string?, IReadOnlyList<Dictionary<string, object?>>) FromJson(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return root.ValueKind == JsonValueKind.Array ? ("array", root.EnumerateArray().Select(Record).ToList()) : ("object", [Record(root)]);
    }

    private static Dictionary<string, object?> Record(JsonElement element) => element.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
    {
        JsonValueKind.Array => (object?)p.Value.EnumerateArray().Select(Record).ToList(),
        JsonValueKind.Null => null,
        JsonValueKind.String => p.Value.GetString() is { Length: > 0 } text ? text : null,
        _ => p.Value.GetRawText(),
    });

    private static (string?, IReadOnlyList<Dictionary<string, object?>>) FromXml(string body)
    {
        var document = XDocument.Parse(body);
        var root = document.Root!;
        // A list answer (services, service_requests, errors) holds records; a single one (service_definition) is one.
        var isList = root.Name.LocalName is "services" or "service_requests" or "errors";
        return (root.Name.LocalName, isList ? root.Elements().Select(Record).ToList() : [Record(root)]);
    }

    private static Dictionary<string, object?> Record(XElement element) => element.Elements().ToDictionary(e => e.Name.LocalName, e =>
        e.HasElements ? (object?)e.Elements().Select(Record).ToList()
        : e.Name.LocalName is "attributes" or "values" ? new List<Dictionary<string, object?>>()
        : e.Value is { Length: > 0 } text ? text : null);

    /// <summary>An error answer in <paramref name="format"/>: the status, each error's code the same, one description naming <paramref name="parameter"/>.</summary>
    public static void AssertError(GeoAnswer answer, int status, string parameter, string format)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}: {answer.Body}");
        Assert.Equal(format == "xml" ? "errors" : "array", answer.Root);
        Assert.NotEmpty(answer.Errors);
        Assert.All(answer.Errors, e => Assert.Equal(status, e.Code));
        Assert.True(answer.Errors.Any(e => e.Description.Contains(parameter, StringComparison.Ordinal)), $"no error names {parameter}: {answer.Body}");
    }

    /// <summary>Records as comparable text (field order kept), to compare the JSON and XML answers.</summary>
    public static string Describe(IEnumerable<Dictionary<string, object?>> records) =>
        string.Join("\n", records.Select(r => string.Join("|", r.Select(f => f.Key + "=" + (f.Value is List<Dictionary<string, object?>> list ? "[" + Describe(list) + "]" : f.Value)))));

}
