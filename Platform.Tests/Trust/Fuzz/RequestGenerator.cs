using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Tests.Trust.Fuzz;

/// <summary>
/// Makes requests for an operation from its OpenAPI description alone: a body built from the schema and then
/// (mostly) spoiled in one way (fields missing, extra, of the wrong type, null, huge; a body that is not an
/// object, not JSON, or not declared as JSON), route values that are real, from another city, made up or not
/// ids at all, and query values that are plausible, extreme or unparseable. Plausible strings come from the
/// <see cref="Vocabulary"/>: short strings the API itself answered (right and indicator codes, statuses, ids),
/// so valid-looking bodies reach the deciders, not only the validators. All choices come from the given
/// <see cref="Random"/>, so a seed replays the same requests.
/// </summary>
public sealed class RequestGenerator(JsonElement document, Vocabulary vocabulary)
{
    /// <summary>A huge string: the brief's 100,000 characters.</summary>
    public const int HugeLength = 100_000;

    private static readonly string[] BodyVariants =
    [
        "missing-fields", "missing-fields", "extra-fields", "bad-string", "bad-string", "wrong-type", "wrong-type", "wrong-type",
        "null-field", "all-null", "huge-string", "huge-array", "extreme-number", "extreme-date", "non-object", "non-object",
        "malformed", "malformed", "content-type",
    ];

    private static readonly string[] NonObjects =
        ["null", "[]", "[{}]", "[null]", "\"text\"", "\"\"", "0", "-1", "1e999", "true", "false", "{}", "   null   ", "[[[]]]"];

    private static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "text/csv",
        "application/octet-stream", "application/json; charset=utf-16", "application/vnd.fuzz+json", "text/json", "*/*", "", "json",
    ];

    private static readonly string[] BadStrings =
    [
        "", " ", "null", "undefined", "0", "-1", "NaN", "Infinity", "true", "💥🏳️‍🌈", "Ünïcödé ✓", "\u0000", "\u202e", "\ud800",
        "%", "%%", "_", "\\", "'", "\"", "' or '1'='1", "'; drop table mt_events; --", "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
        "../../etc/passwd", "${jndi:ldap://x}", "{{7*7}}", "a\r\nb", "\t", "2147483648", "-2147483649", "99999999999999999999",
        "1.5", "1e3", "0x1F", "00000000-0000-0000-0000-000000000000", "9999-12-31", "0001-01-01", "2026-02-30", "24:00",
    ];

    private static readonly string[] BadIntegers =
        ["abc", "", "-1", "0", "1.5", "1e3", " 1", "1 ", "+1", "0x10", "2147483647", "2147483648", "-2147483648", "-2147483649",
         "99999999999999999999", "NaN", "∞", "١", "1,000", "true"];

    private static readonly string[] ExtremeNumbers =
        ["2147483647", "2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809", "1e308", "-1e308", "1e400",
         "1e-400", "79228162514264337593543950336", "0.0000000000000000000000000001", "-0", "0", "-1", "1.5", "123456789.123456789"];

    private static readonly string[] ExtremeDates =
        ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59.9999999+00:00", "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59-14:00",
         "0001-01-01T00:00:00+14:00", "2026-02-30", "2026-13-01", "10000-01-01", "-0001-01-01", "1970-01-01", "2026-06-01T25:00:00Z", ""];

    private readonly JsonElement _schemas = document.GetProperty("components").GetProperty("schemas");

    /// <summary>
    /// One request for <paramref name="operation"/>. Each request spoils one thing (its focus: the route, the query,
    /// the body or the caller) and keeps the rest plausible, so a bad value meets the code that reads it rather than
    /// an earlier refusal of something else; one in five spoils nothing.
    /// </summary>
    public FuzzRequest Next(ApiOperation operation, FuzzWorld world, Random random)
    {
        var focus = Focus(operation, random);
        var (caller, authorization) = Caller(world, random, forged: focus == "caller");
        var city = ChooseCity(operation, world, random, spoil: focus == "path");
        var url = new StringBuilder();
        foreach (var segment in operation.PathTemplate.Split('/'))
        {
            if (segment.Length == 0) continue;
            url.Append('/');
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var name = segment[1..^1];
                var value = name == "city" ? city : PathValue(operation, name, city, world, random, spoil: focus == "path" && random.Next(2) == 0);
                url.Append(Escape(value));
            }
            else url.Append(segment);
        }
        url.Append(Query(operation, city, world, random, spoil: focus == "query"));

        var accept = focus == "caller" && random.Next(4) == 0 ? Pick(random, ["text/html", "application/xml", "image/png", "*/*", "application/problem+json"]) : null;
        var knownCity = city == world.City || city == world.OtherCity ? city : null;
        // A few keys used again and again: repeats replay the first answer, a different request under a used key is refused.
        var key = focus == "caller" && random.Next(3) == 0
            ? Pick(random, ["k1", "k2", "k3", NewId(random).ToString(), "", new string('k', 201), "tab\tkey", "ключ"])
            : null;
        if (operation.BodySchema is { } schema)
        {
            var (variant, contentType, body) = Body(schema, city, world, random, spoil: focus == "body");
            return new FuzzRequest(operation, focus == "body" ? "body:" + variant : focus, caller, authorization, operation.Method, url.ToString(), contentType, body, accept)
                { City = knownCity, IdempotencyKey = key };
        }
        if (focus == "body")
        {
            // An operation without a declared body gets one anyway (the CSV import reads its body raw).
            var (contentType, body) = UndeclaredBody(random);
            return new FuzzRequest(operation, "body:undeclared", caller, authorization, operation.Method, url.ToString(), contentType, body, accept)
                { City = knownCity, IdempotencyKey = key };
        }
        return new FuzzRequest(operation, focus, caller, authorization, operation.Method, url.ToString(), null, null, accept)
            { City = knownCity, IdempotencyKey = key };
    }

    private static string Focus(ApiOperation operation, Random random)
    {
        var roll = random.Next(100);
        if (roll < 20) return "none";
        if (roll < 30) return "caller";
        if (roll < 50 && operation.PathParameters.Any()) return "path";
        if (roll < 65 && operation.QueryParameters.Any()) return "query";
        return operation.BodySchema is not null || random.Next(3) == 0 ? "body" : "none";
    }

    private static (string Caller, string? Authorization) Caller(FuzzWorld world, Random random, bool forged)
    {
        if (forged && random.Next(2) == 0)
            return ("a forged token", Pick(random, ["Bearer x", "Bearer CfDJ8" + new string('A', 300), "Bearer ", "Bearer " + world.Resident.Token[..^4] + "AAAA",
                "Basic YWRtaW46YWRtaW4=", "bearer " + world.Official.Token, world.Official.Token, "Bearer " + new string('t', 20_000)]));
        return random.Next(10) switch
        {
            < 3 => ("anonymous", null),
            < 6 => ("a resident", "Bearer " + world.Resident.Token),
            _ => ("an official and moderator", "Bearer " + world.Official.Token),
        };
    }

    /// <summary>The city of the route: the worker's own or its other city; spoilt, also a demo city (reads only) or no city at all.</summary>
    private static string ChooseCity(ApiOperation operation, FuzzWorld world, Random random, bool spoil)
    {
        var roll = random.Next(100);
        if (!spoil || roll < 40) return roll % 7 == 0 ? world.OtherCity : world.City;
        if (roll < 65) return world.OtherCity;
        // Demo cities belong to every worker: only reads go there, so no worker's writes land outside its tenants.
        if (roll < 80 && operation.IsRead) return Pick(random, ["york", "utrecht", "lviv"]);
        return Pick(random, ["atlantis", "YORK", world.City.ToUpperInvariant(), world.City + " ", "", "-", "..", "%", "null",
            new string('c', 300), "ÿork", "york;drop"]);
    }

    private string PathValue(ApiOperation operation, string name, string city, FuzzWorld world, Random random, bool spoil)
    {
        var kind = KindOf(operation, name);
        if (name == "id" || name.EndsWith("Id", StringComparison.Ordinal))
        {
            var own = name.Contains("account", StringComparison.OrdinalIgnoreCase) ? world.AccountIds : world.Ids(city, kind);
            if (!spoil) return own.Count > 0 ? Pick(random, own) : NewId(random).ToString();
            var roll = random.Next(100);
            var elsewhere = world.Ids(city == world.City ? world.OtherCity : world.City, kind);
            if (roll < 30 && elsewhere.Count > 0) return Pick(random, elsewhere); // an item of another city
            if (roll < 45 && world.AnyIds(city) is { Count: > 0 } any) return Pick(random, any); // an item of another kind
            if (roll < 60) return NewId(random).ToString(random.Next(4) == 0 ? "N" : "D");
            return Pick(random, ["abc", "0", "-1", "00000000-0000-0000-0000-000000000000", "{" + Guid.Empty + "}", Guid.Empty.ToString("N"),
                NewId(random) + "x", "{" + NewId(random) + "}", new string('f', 300), "%00", " ", "null", "ffffffff-ffff-ffff-ffff-ffffffffffff"]);
        }
        if (!spoil || random.Next(3) == 0) return Known(name, random);
        // The test server cannot carry a NUL in a path (Kestrel answers such a request line 400 itself).
        return Pick(random, BadStrings) is { Length: > 0 } bad && !bad.Contains('\0') ? bad : new string('x', random.Next(1, 500));
    }

    /// <summary>A value the API used for a field of this name (or of its plural), else any word it used.</summary>
    private string Known(string name, Random random) =>
        (vocabulary.For(name) is { Count: > 0 } seen ? seen : vocabulary.For(name + "s")) is { Count: > 0 } values && random.Next(4) > 0
            ? Pick(random, values)
            : Plausible(random);

    /// <summary>What kind of item a route value names: the literal segment before it ("concerns" for /concerns/{id}).</summary>
    public static string KindOf(ApiOperation operation, string parameter)
    {
        var segments = operation.PathTemplate.Split('/');
        var at = Array.IndexOf(segments, "{" + parameter + "}");
        for (var i = at - 1; i >= 0; i--)
            if (!segments[i].StartsWith('{')) return segments[i];
        return parameter;
    }

    private string Query(ApiOperation operation, string city, FuzzWorld world, Random random, bool spoil)
    {
        var parameters = operation.QueryParameters.ToList();
        var spoilt = spoil && parameters.Count > 0 ? Pick(random, parameters) : null;
        var pairs = new List<string>();
        foreach (var parameter in parameters)
        {
            var integer = IsInteger(parameter.Schema);
            var uuid = Format(parameter.Schema) == "uuid";
            string value;
            if (parameter != spoilt)
            {
                if (random.Next(2) == 0) continue;
                value = integer ? Pick(random, ["1", "2", "3", "10", "20", "50", "100"])
                    : uuid ? Pick(random, world.AnyIds(city) is { Count: > 0 } ids ? ids : [NewId(random).ToString()])
                    : Known(parameter.Name, random);
            }
            else
            {
                var roll = random.Next(100);
                if (roll < 50) value = integer || uuid ? Pick(random, BadIntegers) : Pick(random, BadStrings);
                else if (roll < 65) value = new string('9', random.Next(10, 5_000));
                else if (roll < 75) value = new string('q', HugeLength);
                else value = Pick(random, BadIntegers.Concat(BadStrings).ToArray());
                if (random.Next(5) == 0) pairs.Add($"{Escape(parameter.Name)}={Escape(Known(parameter.Name, random))}"); // the same key twice
            }
            pairs.Add($"{Escape(parameter.Name)}={Escape(value)}");
        }
        if (spoil && random.Next(5) == 0) pairs.Add("unexpected=" + Escape(Pick(random, BadStrings)));
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private (string Variant, string? ContentType, byte[] Body) Body(JsonElement schema, string city, FuzzWorld world, Random random, bool spoil)
    {
        var variant = spoil ? Pick(random, BodyVariants) : "valid";
        var valid = Valid(schema, city, world, random, depth: 0);
        const string json = "application/json";
        switch (variant)
        {
            case "non-object":
                return (variant, json, Utf8(Pick(random, NonObjects)));
            case "malformed":
                return (variant, json, Malformed(valid?.ToJsonString() ?? "{}", random));
            case "content-type":
                var type = Pick(random, ContentTypes);
                return (variant + ":" + (type.Length == 0 ? "(none)" : type), type.Length == 0 ? null : type, Utf8(valid?.ToJsonString() ?? "{}"));
        }
        if (valid is not JsonObject body) return (variant, json, Utf8(valid?.ToJsonString() ?? "null"));
        switch (variant)
        {
            case "missing-fields":
                foreach (var name in body.Select(p => p.Key).ToList())
                    if (random.Next(2) == 0) body.Remove(name);
                break;
            case "extra-fields":
                for (var i = random.Next(1, 4); i > 0; i--)
                    body[Pick(random, ["id", "city", "authorId", "status", "version", "__proto__", "$type", Plausible(random), "x" + random.Next(99)])] = AnyValue(random, 0);
                break;
            case "wrong-type":
                ReplaceSomewhere(body, random, node => WrongTypeFor(node, random));
                break;
            case "null-field":
                ReplaceSomewhere(body, random, _ => null);
                break;
            case "all-null":
                foreach (var name in body.Select(p => p.Key).ToList()) body[name] = null;
                break;
            case "bad-string":
                ReplaceSomewhere(body, random, _ => JsonValue.Create(Pick(random, BadStrings)));
                break;
            case "huge-string":
                ReplaceSomewhere(body, random, _ => JsonValue.Create(HugeString(random)));
                break;
            case "huge-array":
                ReplaceSomewhere(body, random, _ => new JsonArray(Enumerable.Range(0, 5_000).Select(_ => (JsonNode?)JsonValue.Create(Plausible(random))).ToArray()));
                break;
            case "extreme-number":
                ReplaceSomewhere(body, random, _ => JsonNode.Parse(Pick(random, ExtremeNumbers)));
                break;
            case "extreme-date":
                ReplaceSomewhere(body, random, _ => JsonValue.Create(Pick(random, ExtremeDates)));
                break;
        }
        return (variant, json, Utf8(body.ToJsonString()));
    }

    private (string? ContentType, byte[] Body) UndeclaredBody(Random random) => random.Next(4) switch
    {
        0 => ("text/csv", Utf8(Csv(random))),
        1 => ("application/json", Utf8(AnyValue(random, 0)?.ToJsonString() ?? "null")),
        2 => (Pick(random, ContentTypes) is { Length: > 0 } type ? type : null, Utf8(Pick(random, BadStrings))),
        _ => ("application/json", Malformed("{\"a\":1}", random)),
    };

    /// <summary>CSV as an import might receive it: a header, rows of plausible, bad and formula-like cells.</summary>
    private string Csv(Random random)
    {
        var header = random.Next(3) == 0 ? "a,b,c" : "Year,Value,Units,Series,GeoCode,Observation status";
        var rows = new StringBuilder(header).Append('\n');
        for (var i = random.Next(0, 30); i > 0; i--)
        {
            var cells = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(4) switch
            {
                0 => Pick(random, ["2020", "2021", "2026", "9999", "-1", "0", "2020-Q1"]),
                1 => Pick(random, ExtremeNumbers),
                2 => "\"" + Pick(random, BadStrings).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                _ => Plausible(random),
            });
            rows.Append(string.Join(random.Next(10) == 0 ? ";" : ",", cells)).Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }
        if (random.Next(10) == 0) rows.Append(new string('9', HugeLength));
        if (random.Next(10) == 0) rows.Append("\"unterminated");
        return rows.ToString();
    }

    /// <summary>A value the schema allows, filled in with plausible contents.</summary>
    private JsonNode? Valid(JsonElement schema, string city, FuzzWorld world, Random random, int depth, string? property = null)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 6) return null;
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (!schema.TryGetProperty(combinator, out var choices)) continue;
            var options = choices.EnumerateArray().Where(c => !IsNullOnly(Resolve(c))).ToList();
            return options.Count == 0 ? null : Valid(Pick(random, options), city, world, random, depth + 1, property);
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            var choices = values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).ToList();
            return choices.Count == 0 ? null : JsonNode.Parse(Pick(random, choices).GetRawText());
        }
        var types = Types(schema);
        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var result = new JsonObject();
            if (schema.TryGetProperty("properties", out var properties))
                foreach (var field in properties.EnumerateObject())
                    result[field.Name] = Valid(field.Value, city, world, random, depth + 1, field.Name);
            if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
                for (var i = random.Next(0, 3); i > 0; i--)
                    result[Plausible(random)] = Valid(additional, city, world, random, depth + 1, property);
            return result;
        }
        if (types.Contains("array"))
        {
            var items = schema.TryGetProperty("items", out var itemSchema) ? itemSchema : default;
            return new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => Valid(items, city, world, random, depth + 1, property)).ToArray());
        }
        if (types.Contains("integer")) return JsonValue.Create(Pick(random, [0, 1, 2, 3, 5, 10, 30, 100, 2026]));
        if (types.Contains("number")) return JsonValue.Create(Pick(random, [0.5, 1, 2.5, 42, 80, 100, 1500.75]));
        if (types.Contains("boolean")) return JsonValue.Create(random.Next(2) == 0);
        if (types.Contains("string"))
        {
            var today = DateTimeOffset.UtcNow.AddDays(random.Next(30, 400));
            return Format(schema) switch
            {
                "uuid" => JsonValue.Create(world.AnyIds(city) is { Count: > 0 } ids && random.Next(4) > 0 ? Pick(random, ids) : NewId(random).ToString()),
                "date" => JsonValue.Create(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                "date-time" => JsonValue.Create(today.ToString("O", CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(vocabulary.For(property) is { Count: > 0 } seen && random.Next(5) > 0 ? Pick(random, seen)
                    : random.Next(3) == 0 ? Pick(random, ["A clear text of a few words.", "https://example.org/evidence", "2026", "Housing"]) : Plausible(random)),
            };
        }
        return null;
    }

    /// <summary>Any JSON value at all: for extra fields and undeclared bodies.</summary>
    private JsonNode? AnyValue(Random random, int depth) => random.Next(depth > 2 ? 5 : 8) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(-5, 5)),
        2 => JsonValue.Create(Pick(random, BadStrings)),
        3 => JsonValue.Create(random.Next(2) == 0),
        4 => JsonValue.Create(Plausible(random)),
        5 => new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => AnyValue(random, depth + 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(0, 3)).Select(i => KeyValuePair.Create("k" + i, AnyValue(random, depth + 1)))),
    };

    private JsonNode? WrongTypeFor(JsonNode? node, Random random)
    {
        JsonNode?[] candidates = node switch
        {
            JsonObject => [JsonValue.Create("text"), new JsonArray(), JsonValue.Create(1)],
            JsonArray => [JsonValue.Create(Plausible(random)), new JsonObject(), JsonValue.Create(0)],
            JsonValue value when value.GetValueKind() == JsonValueKind.String => [JsonValue.Create(42), JsonValue.Create(true), new JsonArray(JsonValue.Create("a")), new JsonObject()],
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => [JsonValue.Create("12"), JsonValue.Create("twelve"), JsonValue.Create(false), new JsonArray()],
            JsonValue => [JsonValue.Create("yes"), JsonValue.Create(1), new JsonObject()],
            _ => [JsonValue.Create(1), JsonValue.Create("x"), new JsonArray(), new JsonObject()],
        };
        return Pick(random, candidates);
    }

    /// <summary>Replaces one node anywhere in the body (a property at any depth, or an array item) with what <paramref name="make"/> gives.</summary>
    private static void ReplaceSomewhere(JsonObject body, Random random, Func<JsonNode?, JsonNode?> make)
    {
        var slots = new List<(JsonNode Parent, object Key)>();
        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj) { slots.Add((obj, key)); Collect(child); }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++) { slots.Add((array, i)); Collect(array[i]); }
                    break;
            }
        }
        Collect(body);
        if (slots.Count == 0)
        {
            body["x"] = make(null);
            return;
        }
        var (parent, at) = Pick(random, slots);
        if (parent is JsonObject o && at is string name) o[name] = make(o[name]?.DeepClone());
        else if (parent is JsonArray a && at is int index) a[index] = make(a[index]?.DeepClone());
    }

    private static byte[] Malformed(string json, Random random) => random.Next(10) switch
    {
        0 => Utf8(json[..random.Next(0, Math.Max(1, json.Length - 1))]), // cut short
        1 => Utf8(json + Pick(random, ["}", "]", ",", "x", "{}", "\u0000", " // comment"])), // trailing rubbish
        2 => Utf8(json.Replace('"', '\'')), // single quotes
        3 => Utf8(json.Replace(":", "=", StringComparison.Ordinal)),
        4 => [0xEF, 0xBB, 0xBF, .. Utf8(json)], // a byte order mark
        5 => [.. Utf8(json[..Math.Max(0, json.Length - 1)]), 0xC3, 0x28, (byte)'}'], // invalid UTF-8
        6 => Utf8(new string('[', 5_000) + new string(']', 5_000)), // deeper than the reader allows
        7 => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 2_000)) + "1" + new string('}', 2_000)),
        8 => Utf8(json.Length > 2 ? json.Insert(1, "\"dup\":1,\"dup\":2,") : json + "{"),
        _ => Utf8(json.Replace("}", ",}", StringComparison.Ordinal)), // trailing commas
    };

    private static string HugeString(Random random)
    {
        var unit = Pick(random, ["a", "é", "💥", "=", "\\n", " ", "<b>"]);
        var text = new StringBuilder(HugeLength);
        while (text.Length < HugeLength) text.Append(unit);
        return text.ToString();
    }

    private string Plausible(Random random) => vocabulary.Words.Count == 0 ? "word" : Pick(random, vocabulary.Words);

    private JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; hops < 10 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); hops++)
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (!_schemas.TryGetProperty(name, out schema)) return default;
        }
        return schema;
    }

    private static bool IsNullOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static HashSet<string> Types(JsonElement schema)
    {
        var types = new HashSet<string>();
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type)) return types;
        if (type.ValueKind == JsonValueKind.String) types.Add(type.GetString()!);
        else if (type.ValueKind == JsonValueKind.Array)
            foreach (var t in type.EnumerateArray()) types.Add(t.GetString()!);
        types.Remove("null");
        return types;
    }

    private static bool IsInteger(JsonElement schema) => Types(schema).Contains("integer");

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A made-up id from the seeded random, so a seed replays the same ids.</summary>
    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>Percent-encodes a URL part; a lone surrogate (which has no UTF-8 form) goes as the replacement character.</summary>
    private static string Escape(string text) => Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
