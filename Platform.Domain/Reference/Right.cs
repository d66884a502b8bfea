namespace Platform.Domain.Reference;

/// <summary>A right of the platform's taxonomy (rights.csv), with the articles and OHCHR attributes it covers.</summary>
public sealed record Right(
    string Code,
    string Name,
    IReadOnlyList<string> UdhrArticles,
    IReadOnlyList<string> EuCharterArticles,
    IReadOnlyList<string> OhchrAttributes);
