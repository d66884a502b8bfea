namespace Platform.Domain.Monitoring;

/// <summary>
/// Groups of a measurement as a canonical key ("age=15-24;sex=female", dimensions in order; "" = headline),
/// so one period and group has exactly one current value.
/// </summary>
public static class Disaggregation
{
    public static string Key(IReadOnlyDictionary<string, string> groups) =>
        string.Join(";", groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Value}"));

    public static string PointKey(string period, IReadOnlyDictionary<string, string> groups) => $"{period}|{Key(groups)}";

    /// <summary>
    /// The key of a value from <paramref name="source"/>: residents' perception values ("community") sit beside the
    /// official value of the same period and group rather than replacing it.
    /// </summary>
    public static string PointKey(string period, IReadOnlyDictionary<string, string> groups, SourceKind source) =>
        source == SourceKind.Community ? $"{PointKey(period, groups)}|community" : PointKey(period, groups);

    /// <summary>Column headers and client keys name dimensions loosely ("Migrant status"); the catalogue as "migrant-status".</summary>
    public static string Dimension(string name) => name.Trim().ToLowerInvariant().Replace(' ', '-').Replace('_', '-');

    public static string Describe(string period, IReadOnlyDictionary<string, string> groups) =>
        groups.Count == 0 ? $"{period} (headline)" : $"{period} ({Key(groups)})";
}
