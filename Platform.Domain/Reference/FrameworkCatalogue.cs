using System.Collections.Frozen;

namespace Platform.Domain.Reference;

/// <summary>
/// The FRA framework items (embedded copy of shared/reference/fra-framework.csv), in the order of the
/// checklist. Kept apart from <see cref="ReferenceCatalogue"/> so the assessment feature owns its reference data.
/// </summary>
public sealed class FrameworkCatalogue
{
    /// <summary>
    /// The version every assessment records when it starts, so an assessment keeps the item list it was
    /// made against when the checklist changes later.
    /// </summary>
    public const string CurrentVersion = "fra-2021";

    private static readonly Lazy<FrameworkCatalogue> Shared = new(Load);

    public static FrameworkCatalogue Default => Shared.Value;

    public string Version { get; }
    public IReadOnlyList<FrameworkItem> Items { get; }
    public FrozenDictionary<string, FrameworkItem> ByCode { get; }

    public FrameworkCatalogue(string version, IEnumerable<FrameworkItem> items)
    {
        Version = version;
        Items = items.ToArray();
        ByCode = Items.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
    }

    public bool IsItem(string? code) => code is not null && ByCode.ContainsKey(code);

    public IEnumerable<FrameworkItem> In(FrameworkSection section) => Items.Where(i => i.Section == section);

    private static FrameworkCatalogue Load() =>
        new(CurrentVersion, ReferenceCatalogue.Records("fra-framework.csv").Select(r => new FrameworkItem(
            r["code"],
            r["element"] switch
            {
                "foundations" => FrameworkSection.Foundations,
                "structures" => FrameworkSection.Structures,
                "tools" => FrameworkSection.Tools,
                var other => throw new InvalidOperationException($"fra-framework.csv: unknown element '{other}'."),
            },
            r["item"],
            r["confirmed_in_source"])));
}
