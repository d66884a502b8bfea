namespace Platform.Domain.Monitoring;

/// <summary>
/// Groups of a measurement as a canonical key ("age=15-24;sex=female", dimensions in order; "" = headline),
/// so one period and group has exactly one current value.
/// </summary>
public static class Disaggregation
{
    public static string Key(IReadOnlyDictionary<string, string> groups)
    {
        if (groups.Count == 0) return "";
        // Every value of an import passes here: the groups are put in order without LINQ, and joined once.
        var ordered = new KeyValuePair<string, string>[groups.Count];
        var n = 0;
        foreach (var group in groups) ordered[n++] = group;
        if (n > 1) Array.Sort(ordered, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var key = new System.Text.StringBuilder();
        foreach (var (dimension, group) in ordered)
        {
            if (key.Length > 0) key.Append(';');
            key.Append(dimension).Append('=').Append(group);
        }
        return key.ToString();
    }

    public static string PointKey(string period, IReadOnlyDictionary<string, string> groups) => string.Concat(period, "|", Key(groups));

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
