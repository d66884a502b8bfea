using System.Collections.Frozen;

namespace Platform.Domain.Reference;

/// <summary>An article of the UDHR or of the EU Charter, with its (short) title; the Charter's also with its chapter.</summary>
public sealed record Article(string Number, string Title, string? Chapter = null);

/// <summary>The UDHR and EU Charter articles (udhr.csv, eu-charter.csv), by article number.</summary>
public static class Articles
{
    private static readonly Lazy<FrozenDictionary<string, Article>> UdhrShared = new(() =>
        ReferenceCatalogue.Records("udhr.csv").Select(r => new Article(r["article"], r["short_title"]))
            .ToFrozenDictionary(a => a.Number, StringComparer.Ordinal));

    private static readonly Lazy<FrozenDictionary<string, Article>> CharterShared = new(() =>
        ReferenceCatalogue.Records("eu-charter.csv").Select(r => new Article(r["article"], r["title"], r["chapter"]))
            .ToFrozenDictionary(a => a.Number, StringComparer.Ordinal));

    public static FrozenDictionary<string, Article> Udhr => UdhrShared.Value;
    public static FrozenDictionary<string, Article> EuCharter => CharterShared.Value;
}
