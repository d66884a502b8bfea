
namespace Platform.Tests.Trust.Fuzz;

/// <summary>
/// The plausible strings the fuzzer fills bodies, routes and queries with: every short string the API answers
/// to its own reads (right and indicator codes, SDG targets, statuses, dataset names, question ids, ids), plus
/// the enumerations of the OpenAPI document; also by the JSON property they were found under (<c>rights</c>,
/// <c>sdgTargets</c>, <c>code</c>), so a body's field gets the values the API itself uses for a field of that
/// name. Learned at run time, so new codes and operations need no edit here.
/// </summary>
public sealed class Vocabulary
{
    private const int MaxLength = 40;
    private const int MaxWords = 4_000;

    private readonly Dictionary<string, HashSet<string>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Words { get; private set; } = [];

    /// <summary>The values seen under a property of this name (case aside), in a stable order; empty when none.</summary>
    public IReadOnlyList<string> For(string? property) =>
        property is not null && _frozen.TryGetValue(property, out var values) ? values : [];

    private Dictionary<string, IReadOnlyList<string>> _frozen = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<Vocabulary> HarvestAsync(HttpClient client, JsonElement document, IReadOnlyList<ApiOperation> operations,
        FuzzWorld world, Random random)
    {
        var vocabulary = new Vocabulary();
        var words = vocabulary._words;
        vocabulary.Collect(document.GetProperty("components"), null, enumsOnly: true);

        // Reads without route values first (catalogues, cities, the open data dictionary), then reads of the world's
        // own items, with route values other than ids drawn from what was learned so far.
        var reads = operations.Where(o => o.IsRead).OrderBy(o => o.PathParameters.Count()).ToList();
        foreach (var operation in reads)
        {
            for (var attempt = 0; attempt < (operation.PathParameters.Any(p => !IsIdOrCity(p.Name)) ? 5 : 1); attempt++)
            {
                var path = string.Join('/', operation.PathTemplate.Split('/').Select(segment =>
                {
                    if (!segment.StartsWith('{')) return segment;
                    var name = segment[1..^1];
                    if (name == "city") return world.City;
                    if (IsIdOrCity(name))
                        return world.Ids(world.City, RequestGenerator.KindOf(operation, name)).FirstOrDefault()
                               ?? (name.Contains("account", StringComparison.OrdinalIgnoreCase) ? world.AccountIds[0] : Guid.Empty.ToString());
                    var known = words.Order(StringComparer.Ordinal).ToList();
                    return Uri.EscapeDataString(known.Count == 0 ? "2026" : known[random.Next(known.Count)]);
                }));
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + world.Official.Token);
                using var response = await client.SendAsync(request);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json") != true) continue;
                try
                {
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    vocabulary.Collect(json.RootElement, null, enumsOnly: false);
                }
                catch (JsonException)
                {
                    // Not JSON: nothing to learn.
                }
            }
        }
        vocabulary.Words = words.Order(StringComparer.Ordinal).Take(MaxWords).ToList();
        vocabulary._frozen = vocabulary._byName.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.Order(StringComparer.Ordinal).Take(200).ToList(),
            StringComparer.OrdinalIgnoreCase);
        return vocabulary;
    }

    private static bool IsIdOrCity(string name) => name is "id" or "city" || name.EndsWith("Id", StringComparison.Ordinal);

    private void Collect(JsonElement element, string? property, bool enumsOnly)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var child in element.EnumerateObject())
                {
                    if (enumsOnly && child.Name == "enum")
                    {
                        foreach (var value in child.Value.EnumerateArray())
                            if (value.ValueKind == JsonValueKind.String) _words.Add(value.GetString()!);
                        continue;
                    }
                    Collect(child.Value, child.Name, enumsOnly);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, property, enumsOnly);
                break;
            case JsonValueKind.String when !enumsOnly:
                var text = element.GetString()!;
                if (text.Length is 0 or > MaxLength || text.Any(char.IsControl)) break;
                _words.Add(text);
                if (property is null) break;
                if (!_byName.TryGetValue(property, out var values)) _byName[property] = values = new HashSet<string>(StringComparer.Ordinal);
                values.Add(text);
                break;
        }
    }
}
